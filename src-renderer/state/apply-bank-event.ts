import type { BankOverview, EventPayload } from '../../src-shared/api/contract.js';

/** A pushed event that changes what the bank overview shows. */
export type BankEvent =
  | { event: 'door.changed'; payload: EventPayload<'door.changed'> }
  | { event: 'hardware.changed'; payload: EventPayload<'hardware.changed'> };

/**
 * The overview after one pushed event. Returns a new object when something changed (the screen
 * holds the overview as raw state, so only a new object redraws it) and the same object when
 * nothing did, such as an event about a compartment this overview does not list.
 */
export function applyBankEvent(overview: BankOverview, bankEvent: BankEvent): BankOverview {
  if (bankEvent.event === 'hardware.changed') {
    const hardware = bankEvent.payload.hardware;
    return hardware === overview.hardware ? overview : { ...overview, hardware };
  }
  const { compartmentId, door } = bankEvent.payload;
  const index = overview.compartments.findIndex((compartment) => compartment.id === compartmentId);
  const compartment = overview.compartments[index];
  if (!compartment || compartment.door === door) {
    return overview;
  }
  const compartments = overview.compartments.with(index, { ...compartment, door });
  return { ...overview, compartments };
}

/** Events are absolute states, so replaying them in arrival order ends at the newest truth. */
export function applyBankEvents(
  overview: BankOverview,
  bankEvents: readonly BankEvent[],
): BankOverview {
  return bankEvents.reduce(applyBankEvent, overview);
}
