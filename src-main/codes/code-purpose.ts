/**
 * What a code opens, and so who holds it. The purpose decides the minimum length (carriers get
 * longer codes, X3) and which codes a re-issue voids: a new pickup code for a parcel voids its
 * old pickup code, never the drop-off code of the same exchange (D4).
 */
export const codePurposes = [
  'pickup',
  'return',
  'exchange_drop_off',
  'exchange_pickup',
  'storage',
  'carrier_delivery',
] as const;

export type CodePurpose = (typeof codePurposes)[number];

export type CodeAudience = 'recipient' | 'carrier';

export function audienceOf(purpose: CodePurpose): CodeAudience {
  return purpose === 'carrier_delivery' ? 'carrier' : 'recipient';
}
