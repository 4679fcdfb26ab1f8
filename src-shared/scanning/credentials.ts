/**
 * Barcodes the kiosk prints or issues itself carry a versioned prefix, so they can never be
 * mistaken for a carrier's tracking number: `CSR1-<type>-<payload>`.
 *   C  compartment or shelf label (C1), payload = compartment id
 *   OP operator badge, CR carrier QR login (C4), PU pickup QR (E1): payload = a token
 */
export const credentialPrefix = 'CSR1';

export const credentialTypes = {
  C: 'compartment_barcode',
  OP: 'operator_badge',
  CR: 'carrier_qr',
  PU: 'pickup_qr',
} as const;

export type CredentialCode = keyof typeof credentialTypes;
export type CredentialKind = (typeof credentialTypes)[CredentialCode];

export function compartmentBarcodeText(compartmentId: string): string {
  return `${credentialPrefix}-C-${compartmentId}`;
}

/** The credential a scanned text is, or undefined when it is not one of ours. */
export function parseCredential(
  text: string,
): { kind: CredentialKind; payload: string } | undefined {
  const match = /^CSR1-(C|OP|CR|PU)-([A-Za-z0-9_-]{1,200})$/.exec(text);
  if (!match) {
    return undefined;
  }
  const [, code, payload] = match;
  return { kind: credentialTypes[code as CredentialCode], payload: payload ?? '' };
}
