import type { ManagedCompartment } from '../../src-shared/api/management-methods.js';
import type { Permission } from '../../src-shared/domain/permissions.js';

/** An action of the detail panel, named while its call is in flight. */
export type ManageAction = 'open' | 'service' | 'remove_expired';

export interface CompartmentActions {
  /** G5: open the door for someone else. */
  open: boolean;
  /** G4: take out of service, or put back. */
  changeService: boolean;
  /** G3: open the door so the expired parcels can be taken out. */
  removeExpired: boolean;
}

/**
 * What the detail panel offers for one compartment. Only a courtesy: the core checks the
 * permission again on every call, so a button shown by mistake is refused, not obeyed.
 */
export function compartmentActions(
  compartment: ManagedCompartment,
  permissions: readonly Permission[],
): CompartmentActions {
  return {
    open: permissions.includes('compartment.open_any'),
    changeService: permissions.includes('compartment.set_service'),
    removeExpired: compartment.use === 'expired' && permissions.includes('parcel.remove_expired'),
  };
}

export function hasAnyAction(actions: CompartmentActions): boolean {
  return actions.open || actions.changeService || actions.removeExpired;
}
