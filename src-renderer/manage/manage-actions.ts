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
  /** G3: open an overstayed storage's door and empty it, giving a reason. */
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
    // An overstayed storage is emptied with a reason, not "removed" like parcels (G3).
    removeExpired:
      compartment.use === 'expired' &&
      compartment.storage?.expired !== true &&
      permissions.includes('parcel.remove_expired'),
    emptyStorage:
      compartment.use === 'expired' &&
      compartment.storage?.expired === true &&
      permissions.includes('storage.empty'),
  };
}

export function hasAnyAction(actions: CompartmentActions): boolean {
  return actions.open || actions.changeService || actions.removeExpired || actions.emptyStorage;
}
