import type { CompartmentBrief } from '../../src-shared/api/drop-off-methods.js';
import type { ManagedCompartment } from '../../src-shared/api/management-methods.js';
import { compareNatural } from '../../src-shared/allocation/natural-order.js';

/**
 * D8: the compartments an operator may pick by hand, in the order people read labels. Only free
 * ones in service: the engine would refuse the others anyway, and a list of doors that cannot be
 * used only slows the operator down. Whether one suits this recipient is the core's answer.
 */
export function handChoiceCompartments(
  compartments: readonly ManagedCompartment[],
): CompartmentBrief[] {
  return compartments
    .filter(
      (compartment) => compartment.use === 'available' && compartment.service === 'in_service',
    )
    .map(({ id, label, size, doorBottomCm, doorTopCm }) => ({
      id,
      label,
      size,
      doorBottomCm,
      doorTopCm,
    }))
    .sort((a, b) => compareNatural(a.label, b.label));
}
