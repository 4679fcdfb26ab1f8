import type { BankOverview, EventPayload } from '../../src-shared/api/contract.js';
import type { CompartmentView } from '../../src-shared/domain/compartment.js';

/** The service fields of a compartment, as a `compartment.setService` answer reports them. */
export type ServiceChange = Pick<CompartmentView, 'id' | 'service' | 'serviceReason'>;

/** A pushed event (or a call's answer) that changes what the bank overview shows. */
export type BankEvent =
  | { event: 'door.changed'; payload: EventPayload<'door.changed'> }
  | { event: 'hardware.changed'; payload: EventPayload<'hardware.changed'> }
  | { event: 'compartment.changed'; payload: EventPayload<'compartment.changed'> }
  | { event: 'service.changed'; payload: ServiceChange };

/**
 * The overview after one pushed event. Returns a new object when something changed (the screen
 * holds the overview as raw state, so only a new object redraws it) and the same object when
 * nothing did, such as an event about a compartment this overview does not list.
 */
export function applyBankEvent(overview: BankOverview, bankEvent: BankEvent): BankOverview {
  switch (bankEvent.event) {
    case 'hardware.changed': {
      const hardware = bankEvent.payload.hardware;
      return hardware === overview.hardware ? overview : { ...overview, hardware };
    }
    case 'door.changed':
      return updateCompartment(overview, bankEvent.payload.compartmentId, (compartment) => ({
        ...compartment,
        door: bankEvent.payload.door,
      }));
    case 'compartment.changed':
      // Pushed on the same ordered channel as door events: the whole view is the newest truth.
      return updateCompartment(overview, bankEvent.payload.id, () => bankEvent.payload);
    case 'service.changed':
      // A call's answer may travel beside the event channel (Electron IPC), so it can be older
      // than a door event already shown: take only the service fields from it.
      return updateCompartment(overview, bankEvent.payload.id, (compartment) => ({
        ...compartment,
        service: bankEvent.payload.service,
        serviceReason: bankEvent.payload.serviceReason,
      }));
  }
}

/** Events are absolute states, so replaying them in arrival order ends at the newest truth. */
export function applyBankEvents(
  overview: BankOverview,
  bankEvents: readonly BankEvent[],
): BankOverview {
  return bankEvents.reduce(applyBankEvent, overview);
}

function updateCompartment(
  overview: BankOverview,
  compartmentId: string,
  change: (compartment: CompartmentView) => CompartmentView,
): BankOverview {
  const index = overview.compartments.findIndex((compartment) => compartment.id === compartmentId);
  const compartment = overview.compartments[index];
  if (!compartment) {
    return overview;
  }
  const changed = change(compartment);
  if (sameCompartment(compartment, changed)) {
    return overview;
  }
  return { ...overview, compartments: overview.compartments.with(index, changed) };
}

function sameCompartment(left: CompartmentView, right: CompartmentView): boolean {
  return (
    left.id === right.id &&
    left.label === right.label &&
    left.size === right.size &&
    left.doorBottomCm === right.doorBottomCm &&
    left.doorTopCm === right.doorTopCm &&
    left.lock.board === right.lock.board &&
    left.lock.channel === right.lock.channel &&
    left.service === right.service &&
    left.serviceReason === right.serviceReason &&
    left.door === right.door &&
    left.items === right.items
  );
}
