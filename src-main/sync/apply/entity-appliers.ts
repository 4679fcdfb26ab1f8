import { bankAppliers } from './bank-appliers.js';
import { directoryAppliers } from './directory-appliers.js';
import type { EntityAppliers } from './entity-applier.js';
import { intentAppliers } from './intent-appliers.js';
import { staffAppliers } from './staff-appliers.js';

/** Every kind of server-owned entity and how it lands in the kiosk's tables. */
export const entityAppliers: EntityAppliers = {
  ...bankAppliers,
  ...directoryAppliers,
  ...staffAppliers,
  ...intentAppliers,
};
