import type { CompartmentBrief } from '../../src-shared/api/drop-off-methods.js';
import type { CompartmentRow } from '../db/queries/compartments.js';

/** What the drop-off and pickup screens show of a compartment: its label, size and door height. */
export function compartmentBrief(row: CompartmentRow): CompartmentBrief {
  return {
    id: row.id,
    label: row.label,
    size: row.size,
    doorBottomCm: row.doorBottomCm,
    doorTopCm: row.doorTopCm,
  };
}
