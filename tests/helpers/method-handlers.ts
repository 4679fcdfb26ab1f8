import type { MethodHandlers } from '../../src-main/api/dispatcher.js';

/**
 * Handlers for transport and dispatcher tests: each method throws unless the test gives it a
 * body, so a test can never pass by reaching a handler it did not mean to.
 */
export function methodHandlers(overrides: Partial<MethodHandlers>): MethodHandlers {
  const unexpected = (method: string) => () => {
    throw new Error(`unexpected call to ${method}`);
  };
  return {
    'bank.overview': unexpected('bank.overview'),
    'compartment.open': unexpected('compartment.open'),
    'compartment.setService': unexpected('compartment.setService'),
    'hardware.profile.get': unexpected('hardware.profile.get'),
    'hardware.profile.save': unexpected('hardware.profile.save'),
    'commissioning.pulse': unexpected('commissioning.pulse'),
    'commissioning.results': unexpected('commissioning.results'),
    'commissioning.labels': unexpected('commissioning.labels'),
    'scan.submit': unexpected('scan.submit'),
    ...overrides,
  };
}
