import { z } from 'zod';
import { InvalidControlInput } from './board-protocol.js';

/**
 * Validates a control-API body. A person types these with curl, so the error names the fields
 * and what they should be rather than just "bad request".
 */
export function parseControlInput<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InvalidControlInput(z.prettifyError(result.error).replace(/\n/g, '; '));
  }
  return result.data;
}
