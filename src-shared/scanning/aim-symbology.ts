/**
 * AIM symbology identifiers (ISO/IEC 15424): scanners configured to send them put `]`, a
 * symbology letter and a modifier before the data (`]C1` GS1-128, `]Q1` QR, `]E0` EAN-13,
 * `]d2` GS1 DataMatrix). The identifier says what kind of code was read, which the data alone
 * cannot: an EAN-13 and a 13-digit tracking number look the same.
 */
export interface AimSplit {
  /** The three-character identifier, or null when the scanner sent none. */
  aimId: string | null;
  body: string;
}

const aimIdPattern = /^\][A-Za-z][0-9A-Za-z]/;

export function splitAimId(text: string): AimSplit {
  const match = aimIdPattern.exec(text);
  return match
    ? { aimId: match[0], body: text.slice(match[0].length) }
    : { aimId: null, body: text };
}

/**
 * Identifiers whose data is a GS1 element string (application identifiers, GS between
 * variable-length elements): GS1-128, GS1 DataBar, GS1 DataMatrix, GS1 QR, GS1 DotCode.
 */
const gs1AimIds: ReadonlySet<string> = new Set([']C1', ']e0', ']d2', ']Q3', ']J1']);

export function isGs1AimId(aimId: string | null): boolean {
  return aimId !== null && gs1AimIds.has(aimId);
}

/** EAN and UPC (`]E…`) carry retail product numbers (GTINs), never a parcel's tracking number. */
export function isRetailProductAimId(aimId: string | null): boolean {
  return aimId?.startsWith(']E') ?? false;
}
