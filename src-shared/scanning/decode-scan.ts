import { maxScanLength, type ClassifiedScan, type ScanSource } from '../domain/scan.js';
import { isGs1AimId, isRetailProductAimId, splitAimId } from './aim-symbology.js';
import { parseCredential } from './credentials.js';
import { groupSeparator, gs1HumanReadable, parseGs1ElementString } from './gs1-element-string.js';
import type { Gs1Parse } from './gs1-element-string.js';
import { showControlCharacters, stripScanSuffix } from './scan-text.js';
import { trackingNumberInElements } from './tracking-in-elements.js';
import { identifyTrackingNumber, type TrackingNumber } from './tracking-number.js';

export type ScanDecoding =
  | { ok: true; scan: ClassifiedScan }
  | {
      ok: false;
      /** `empty`: nothing left once the suffix is stripped; `too_long`: over maxScanLength. */
      reason: 'empty' | 'too_long';
    };

/**
 * The one decoder every source feeds (hardware.md "Scanners"): strip the CR/LF/Tab suffix,
 * split the AIM identifier, read GS1 element strings, then classify as one of our credentials,
 * a carrier's tracking number, or `unknown`. Over-long input is refused, never truncated (a cut
 * code could read as a different valid one). Any text is safe to pass: it never throws.
 */
export function decodeScan(raw: string, source: ScanSource): ScanDecoding {
  const stripped = stripScanSuffix(raw);
  if (stripped.length > maxScanLength) {
    return { ok: false, reason: 'too_long' };
  }
  const { aimId, body } = splitAimId(stripped);
  if (body === '') {
    return { ok: false, reason: 'empty' };
  }
  const gs1 = readAsGs1(aimId, body);
  const base = { source, aimId, text: displayText(body, gs1) };

  const credential = gs1 ? undefined : parseCredential(body);
  if (credential) {
    return {
      ok: true,
      scan: { ...base, kind: credential.kind, carrier: null, value: credential.payload },
    };
  }
  const tracking = findTrackingNumber(aimId, body, gs1);
  return {
    ok: true,
    scan: tracking
      ? { ...base, kind: 'tracking_number', carrier: tracking.carrier, value: tracking.value }
      : { ...base, kind: 'unknown', carrier: null, value: null },
  };
}

/**
 * The body as GS1 elements when it is an element string: the AIM identifier says so, or there
 * is none and the text has GS separators that read completely as elements (a camera decoder
 * gives GS1-128 that way, without the identifier).
 */
function readAsGs1(aimId: string | null, body: string): Gs1Parse | undefined {
  if (isGs1AimId(aimId)) {
    return parseGs1ElementString(body);
  }
  if (aimId === null && body.includes(groupSeparator)) {
    const parse = parseGs1ElementString(body);
    return parse.rest === '' && parse.elements.length > 0 ? parse : undefined;
  }
  return undefined;
}

function findTrackingNumber(
  aimId: string | null,
  body: string,
  gs1: Gs1Parse | undefined,
): TrackingNumber | undefined {
  if (gs1) {
    const inElements = trackingNumberInElements(gs1.elements);
    // A GS1 code whose FNC1 the scanner dropped (`]C1420…92…` with no GS) does not parse as
    // elements; its digits may still be a carrier's number with the routing code in front.
    // Elements that did all parse are taken as they are.
    const fnc1Dropped = gs1.rest !== '' && !body.includes(groupSeparator);
    if (inElements || !fnc1Dropped) {
      return inElements;
    }
  }
  if (isRetailProductAimId(aimId)) {
    return undefined;
  }
  return identifyTrackingNumber(body, aimId);
}

/**
 * What `text` shows: GS1 as its human-readable form when that fits the length limit (it adds
 * brackets), else the text as scanned with control characters made visible.
 */
function displayText(body: string, gs1: Gs1Parse | undefined): string {
  if (gs1 && gs1.elements.length > 0) {
    const readable = gs1HumanReadable(gs1);
    if (readable.length <= maxScanLength) {
      return readable;
    }
  }
  return showControlCharacters(body);
}
