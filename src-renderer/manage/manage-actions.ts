import type { ManagedCompartment } from '../../src-shared/api/management-methods.js';
import type { Permission } from '../../src-shared/domain/permissions.js';

/** An action of the detail panel, named while its call is in flight. */
export type ManageAction = 'open' | 'service' | 'remove_expired' | 'empty_storage';

export interface CompartmentActions {
  /** G5: open the door for someone else. */
  open: boolean;
  /** G4: take out of service, or put back. */
  changeService: boolean;
  /** G3: open the door so the expired parcels can be taken out. */
  removeExpired: boolean;
  /**
   * G3, X6: open a storage's door and empty it, giving a reason: overstayed, or running (a
   * storage without end never overstays, and an owner who lost their code needs the mailroom).
   */
  emptyStorage: boolean;
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
    // A storage is emptied with a reason, not "removed" like expired parcels (G3).
    removeExpired:
      compartment.use === 'expired' &&
      compartment.storage === null &&
      permissions.includes('parcel.remove_expired'),
    // Whatever the compartment's use: out of service too, its owner's things are still inside.
    // The core refuses while another task uses the door.
    emptyStorage: compartment.storage !== null && permissions.includes('storage.empty'),
  };
}

export function hasAnyAction(actions: CompartmentActions): boolean {
  return actions.open || actions.changeService || actions.removeExpired || actions.emptyStorage;
}
