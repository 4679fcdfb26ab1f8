import { randomInt } from 'node:crypto';
import type { HandoverKind } from '../../../src-shared/api/handover-methods.js';

/**
 * D4: "the system can generate a tracking number". A bank-made reference: a prefix saying what
 * it is (CX an exchange, CR a return) and ten characters from an alphabet without the look-alikes
 * 0/O and 1/I, so it is read out and typed without doubt. Drawn with the CSPRNG: 32^10 values
 * make a guess of another hand-over's reference hopeless, although the reference opens nothing.
 */
export const trackingAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const trackingLength = 10;
/** A clash among 32^10 values is near impossible; a loop this long means something is broken. */
const maxDraws = 20;

export function generateTrackingNumber(
  kind: HandoverKind,
  inUse: (candidate: string) => boolean,
  random: (max: number) => number = randomInt,
): string {
  const prefix = kind === 'exchange' ? 'CX' : 'CR';
  for (let draw = 0; draw < maxDraws; draw++) {
    let candidate = prefix;
    for (let index = 0; index < trackingLength; index++) {
      candidate += trackingAlphabet[random(trackingAlphabet.length)];
    }
    if (!inUse(candidate)) {
      return candidate;
    }
  }
  throw new Error(`no unused tracking number found in ${maxDraws} draws`);
}
