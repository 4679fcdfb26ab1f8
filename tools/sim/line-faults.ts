import { z } from 'zod';
import { fromHex, toHex } from '../../src-main/hardware/hex.js';

/**
 * Faults of the line between the boards and the kiosk (hardware.md "Simulators"). They act on
 * replies only: the boards still hear and act on every request, so "no reply" is a lost
 * answer, not a dead board — the case where the kiosk must not resend an unlock.
 */
export interface LineFaults {
  /** Replies are dropped. */
  noReply: boolean;
  /** Replies go out with their last byte (the checksum, in both protocols) corrupted. */
  badChecksum: boolean;
  /** Bytes written just before each reply, so they sit before and between replies. */
  garbage: GarbageFault | null;
  /** Each reply is written in chunks with a pause between them. */
  splitFrames: SplitFramesFault | null;
  /** Every reply leaves this much later than the board would send it. */
  slowReply: SlowReplyFault | null;
}

/** Either these exact bytes (repeatable tests) or `length` random bytes per reply. */
export type GarbageFault = { hex: string } | { length: number };

export interface SplitFramesFault {
  chunkBytes: number;
  /** Below the 0x8A board's 25 ms silence a kiosk must reassemble; above it, it sees bursts. */
  gapMs: number;
}

export interface SlowReplyFault {
  delayMs: number;
}

export const noLineFaults: LineFaults = {
  noReply: false,
  badChecksum: false,
  garbage: null,
  splitFrames: null,
  slowReply: null,
};

const hexBytes = z
  .string()
  .refine((text) => /^\s*([0-9a-fA-F]{2}\s*)+$/.test(text), 'hex bytes such as "FF 02 13"')
  .transform((text) => toHex(fromHex(text)));

const garbageSchema = z
  .strictObject({ length: z.int().min(1).max(256).optional(), hex: hexBytes.optional() })
  .refine((value) => value.length === undefined || value.hex === undefined, {
    message: 'give "length" or "hex", not both',
  })
  .transform((value): GarbageFault =>
    value.hex === undefined ? { length: value.length ?? 4 } : { hex: value.hex },
  );

const splitFramesSchema = z.strictObject({
  chunkBytes: z.int().min(1).max(64).default(2),
  gapMs: z.int().min(0).max(10_000).default(5),
});

// Longer than both kiosk reply timeouts (KR-CU16 300 ms, 0x8A 1.5 s): a late reply by default.
const slowReplySchema = z.strictObject({ delayMs: z.int().min(0).max(600_000).default(2000) });

/**
 * `true` = on with default settings, `false`/`null` = off, an object = on with these settings.
 * Not a z.union: its error would only say "Invalid input", and a person with curl needs to
 * know which setting was wrong.
 */
function switchable<T>(settings: z.ZodType<T, unknown>) {
  return z
    .unknown()
    .transform((value, context): T | null => {
      if (value === true) {
        return settings.parse({});
      }
      if (value === false || value === null) {
        return null;
      }
      const result = settings.safeParse(value);
      if (result.success) {
        return result.data;
      }
      for (const issue of result.error.issues) {
        context.addIssue({ code: 'custom', message: issue.message, path: issue.path });
      }
      return z.NEVER;
    })
    .optional();
}

/** The body of POST /faults/line: only the faults named change. */
export const lineFaultPatchSchema = z.strictObject({
  noReply: z.boolean().optional(),
  badChecksum: z.boolean().optional(),
  garbage: switchable<GarbageFault>(garbageSchema),
  splitFrames: switchable<SplitFramesFault>(splitFramesSchema),
  slowReply: switchable<SlowReplyFault>(slowReplySchema),
});

export type LineFaultPatch = z.output<typeof lineFaultPatchSchema>;

/** The line faults in force; the ReplyTransmitter reads them as each reply goes out. */
export class LineFaultSwitch {
  #current: LineFaults = { ...noLineFaults };

  get current(): LineFaults {
    return this.#current;
  }

  update(patch: LineFaultPatch): LineFaults {
    const current = this.#current;
    this.#current = {
      noReply: patch.noReply ?? current.noReply,
      badChecksum: patch.badChecksum ?? current.badChecksum,
      garbage: patch.garbage === undefined ? current.garbage : patch.garbage,
      splitFrames: patch.splitFrames === undefined ? current.splitFrames : patch.splitFrames,
      slowReply: patch.slowReply === undefined ? current.slowReply : patch.slowReply,
    };
    return this.#current;
  }

  clear(): void {
    this.#current = { ...noLineFaults };
  }
}

/** What a caller may send to POST /faults/line (`true` / `false` / settings per fault). */
export type LineFaultPatchInput = z.input<typeof lineFaultPatchSchema>;
