import type { MethodHandlers } from '../../src-main/api/dispatcher.js';
import { kioskMethods, type KioskMethodName } from '../../src-shared/api/contract.js';

/**
 * Handlers for transport and dispatcher tests: each method throws unless the test gives it a
 * body, so a test can never pass by reaching a handler it did not mean to.
 */
export function methodHandlers(overrides: Partial<MethodHandlers>): MethodHandlers {
  const unexpected = (method: string) => () => {
    throw new Error(`unexpected call to ${method}`);
  };
  const all = Object.fromEntries(
    (Object.keys(kioskMethods) as KioskMethodName[]).map((method) => [method, unexpected(method)]),
  ) as unknown as MethodHandlers;
  return { ...all, ...overrides };
}
