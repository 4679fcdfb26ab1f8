import type { Carrier } from '../domain/scan.js';
import { hasGs1CheckDigit } from './check-digits.js';
import type { Gs1Element } from './gs1-element-string.js';
import { identifyTrackingNumber, type TrackingNumber } from './tracking-number.js';

/**
 * The tracking number a GS1 element string carries: an SSCC under AI 00, a USPS IMpb under
 * 92 to 95 (after the 420 ship-to ZIP), a FedEx Ground number under 96. The AI is part of those
 * carriers' numbers ("92…", "96…"), so it is put back before the carrier rules look at it.
 * Two different numbers in one code are ambiguous: none is chosen.
 */
export function trackingNumberInElements(
  elements: readonly Gs1Element[],
): TrackingNumber | undefined {
  const found = new Map<string, TrackingNumber>();
  for (const element of elements) {
    const tracking = trackingNumberInElement(element);
    if (tracking) {
      found.set(`${tracking.carrier} ${tracking.value}`, tracking);
    }
  }
  return found.size === 1 ? [...found.values()][0] : undefined;
}

function trackingNumberInElement(element: Gs1Element): TrackingNumber | undefined {
  if (element.ai === '00') {
    return hasGs1CheckDigit(element.value) ? { carrier: 'sscc', value: element.value } : undefined;
  }
  const carrier = carrierOfInternalAi[element.ai];
  if (!carrier) {
    return undefined;
  }
  // AIs 91 to 99 are free for each company's data: only the carrier that uses the AI may claim
  // it, so ten digits under AI 91 never read as a 12-digit FedEx number.
  const tracking = identifyTrackingNumber(element.ai + element.value, null);
  return tracking?.carrier === carrier ? tracking : undefined;
}

const carrierOfInternalAi: Readonly<Record<string, Carrier>> = {
  '91': 'usps',
  '92': 'usps',
  '93': 'usps',
  '94': 'usps',
  '95': 'usps',
  '96': 'fedex',
};
