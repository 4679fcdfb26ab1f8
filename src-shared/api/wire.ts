import { z } from 'zod';
import { locales } from '../i18n/locales.js';

/**
 * WebSocket frames. One JSON object per message; `id` pairs a result with its invoke.
 * Sizes are bounded so a misbehaving page cannot make the core parse megabytes.
 */
export const maxWireMessageBytes = 64 * 1024;

/**
 * The core's answers may be larger (a label sheet PDF for a whole bank is several hundred KiB):
 * the page trusts the core, and this bound only stops a runaway frame.
 */
export const maxCoreMessageBytes = 16 * 1024 * 1024;

export const InvokeMessage = z
  .object({
    kind: z.literal('invoke'),
    id: z.number().int().nonnegative(),
    method: z.string().min(1).max(100),
    args: z.unknown(),
    locale: z.enum(locales),
  })
  .strict();
export type InvokeMessage = z.infer<typeof InvokeMessage>;

export const ResultMessage = z.object({
  kind: z.literal('result'),
  id: z.number().int().nonnegative(),
  result: z.union([
    z.object({ ok: z.literal(true), value: z.unknown() }),
    z.object({
      ok: z.literal(false),
      error: z.object({
        code: z.string(),
        message: z.string(),
        retryAfterMs: z.number().int().nonnegative().optional(),
      }),
    }),
  ]),
});

export const EventMessage = z.object({
  kind: z.literal('event'),
  event: z.string(),
  payload: z.unknown(),
});

export const ServerMessage = z.discriminatedUnion('kind', [ResultMessage, EventMessage]);
export type ServerMessage = z.infer<typeof ServerMessage>;
