import { z } from 'zod';

/**
 * How this bank's locks are wired (hardware.md "The port"). Issue 3 stores it in the database
 * and edits it on the commissioning screen; until then it comes from the launcher.
 */
export const KerongCu16Profile = z.object({
  protocol: z.literal('kerong-cu16'),
  /** Prefer /dev/serial/by-id/... on a real bank: it survives re-plugging in another port. */
  device: z.string().min(1),
  baudRate: z.number().int().positive().default(19200),
  /** Board addresses on the bus (DIP switches), 0–15. */
  boards: z.array(z.number().int().min(0).max(15)).min(1),
  /** The status bit value that means "door open": sources disagree, so it is set at commissioning. */
  lockBitOpenValue: z.union([z.literal(0), z.literal(1)]).default(1),
  pollIntervalMs: z.number().int().min(50).max(5000).default(250),
  /** How long after the pulse a door must be seen open before it counts as jammed (X2). */
  openTimeoutMs: z.number().int().min(200).max(30_000).default(3000),
});
export type KerongCu16Profile = z.infer<typeof KerongCu16Profile>;

/** A kiosk started without lock hardware (development, or a bank not yet commissioned). */
export const NoHardwareProfile = z.object({ protocol: z.literal('none') });

export const HardwareProfile = z.discriminatedUnion('protocol', [
  KerongCu16Profile,
  NoHardwareProfile,
]);
export type HardwareProfile = z.infer<typeof HardwareProfile>;
export type HardwareProfileInput = z.input<typeof HardwareProfile>;

/**
 * CASIER_LOCK_DEVICE (serial path), CASIER_LOCK_BOARDS ("0,1"), CASIER_LOCK_PROTOCOL
 * (default kerong-cu16): how `npm start` hands the simulated bank to an Electron kiosk.
 * Throws a message naming the wrong variable.
 */
export function hardwareProfileFromEnvironment(
  env: Readonly<Record<string, string | undefined>>,
): HardwareProfile {
  const device = env['CASIER_LOCK_DEVICE'];
  if (!device) {
    return { protocol: 'none' };
  }
  const boardsText = env['CASIER_LOCK_BOARDS'] ?? '0';
  const parsed = HardwareProfile.safeParse({
    protocol: env['CASIER_LOCK_PROTOCOL'] ?? 'kerong-cu16',
    device,
    boards: boardsText.split(',').map((board) => Number(board.trim())),
  });
  if (!parsed.success) {
    const fields = parsed.error.issues
      .map((issue) => issue.path.join('.') || 'protocol')
      .join(', ');
    throw new Error(
      `CASIER_LOCK_* settings are not valid (${fields}); boards were "${boardsText}".`,
    );
  }
  return parsed.data;
}
