import { maxScanLength } from '../../src-shared/domain/scan.js';

/**
 * Most bytes one scan may take before it is text: every character of the longest scan as four
 * UTF-8 bytes, plus an AIM identifier and a suffix. Beyond this a source stops collecting and
 * drops the scan, so a scanner stuck sending never grows memory without bound.
 */
export const maxScanBytes = maxScanLength * 4 + 8;

const utf8 = new TextDecoder('utf-8', { fatal: false });

/**
 * A scan's bytes as text. Scanners send ASCII, and UTF-8 for QR codes with other characters;
 * bytes that are not UTF-8 become U+FFFD rather than an error, and the decoder calls the scan
 * unknown. Decoded per scan, never per chunk, so a character split across two USB packets
 * stays whole.
 */
export function scanBytesToText(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}
