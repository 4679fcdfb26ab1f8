import { z } from 'zod';
import type { Role } from './roles.js';

/**
 * What a signed-in person may do at the kiosk. The core checks one of these on every API call
 * (security.md "Roles and permissions"), never the role itself, so a custom role is only a new
 * row in the map below.
 */
export const permissions = [
  /** D1, D10: put a parcel into a compartment. */
  'parcel.drop_off',
  /** D8: choose the compartment by hand instead of taking the engine's choice. */
  'parcel.choose_compartment',
  /** E1–E3: take out one's own (or one's department's) parcels. */
  'parcel.pickup',
  /** G3: take expired parcels out to free their compartments. */
  'parcel.remove_expired',
  /** G1, G2: every compartment's state with its parcel details. */
  'compartment.view_all',
  /** G5: open any door, for a recipient who cannot. */
  'compartment.open_any',
  /** G4: take a compartment out of service and put it back. */
  'compartment.set_service',
  /** C2, C3, C5, C7, C8: the bank's drop-off and pickup settings. */
  'settings.edit',
  /** X7, C1: the hardware profile, the commissioning walk and the label sheet. */
  'hardware.commission',
  /** F2: book storage in advance for someone (the web page and the console, through the API). */
  'storage.book',
  /** G3: open an overstayed storage compartment and empty it, giving a reason. */
  'storage.empty',
  /** D3, D4: reserve compartments for returns and exchanges, cancel them, collect returns. */
  'handover.manage',
] as const;
export const Permission = z.enum(permissions);
export type Permission = z.infer<typeof Permission>;

const mailroomWork = [
  'parcel.drop_off',
  'parcel.choose_compartment',
  'parcel.remove_expired',
  'compartment.view_all',
  'compartment.open_any',
  'compartment.set_service',
  'storage.empty',
  'handover.manage',
] as const satisfies readonly Permission[];

/**
 * Built-in roles → permissions. An admin does the mailroom's work plus configuration; picking up
 * is a recipient's act (by code or badge), so no staff role holds `parcel.pickup`: an admin who
 * must get a parcel out for someone else opens the door (G5), which is logged as such.
 */
export const rolePermissions: Readonly<Record<Role, readonly Permission[]>> = {
  admin: [...mailroomWork, 'settings.edit', 'hardware.commission', 'storage.book'],
  mailroom_operator: mailroomWork,
  carrier: ['parcel.drop_off'],
  recipient: ['parcel.pickup'],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
