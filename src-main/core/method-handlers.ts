import type { MethodHandlers } from '../api/dispatcher.js';
import type { CompartmentService } from './compartment-service.js';

/**
 * Which service answers each kiosk API method. The actor is fixed until operators sign in
 * (issue 4): the temporary operator screen says so to whoever stands at the kiosk.
 */
export function createMethodHandlers(services: {
  compartments: CompartmentService;
}): MethodHandlers {
  return {
    'bank.overview': () => services.compartments.overview(),
    'compartment.open': ({ compartmentId }) =>
      services.compartments.open(compartmentId, 'operator:temporary-screen'),
  };
}
