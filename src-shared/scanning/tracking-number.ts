import type { Carrier } from '../domain/scan.js';
import { carrierFormats } from './carrier-formats.js';

export interface TrackingNumber {
  carrier: Carrier;
  /** The tracking number itself, upper case (without routing code or AI when there was one). */
  value: string;
}

/** No carrier's number is longer (USPS IMpb with ZIP+4 and FedEx 34-digit barcodes). */
const longestTrackingNumber = 40;

/**
 * The carrier and tracking number `candidate` is, or undefined when it fits no format, or fits
 * formats that disagree (two carriers, or two readings of the same carrier): never a guess.
 * Case is ignored, since a keyboard-wedge scanner types lower case when Caps Lock is on.
 */
export function identifyTrackingNumber(
  candidate: string,
  aimId: string | null,
): TrackingNumber | undefined {
  if (candidate.length > longestTrackingNumber || !/^[0-9A-Za-z]+$/.test(candidate)) {
    return undefined;
  }
  const text = candidate.toUpperCase();
  const found = new Map<string, TrackingNumber>();
  for (const format of carrierFormats) {
    if (format.onlyWithoutAimId && aimId !== null) {
      continue;
    }
    const match = format.pattern.exec(text);
    if (!match) {
      continue;
    }
    const value = match[1] ?? text;
    if (format.check(value)) {
      found.set(`${format.carrier} ${value}`, { carrier: format.carrier, value });
    }
  }
  return found.size === 1 ? [...found.values()][0] : undefined;
}
