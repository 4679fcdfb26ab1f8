import type { CompartmentView } from '../../src-shared/domain/compartment.js';
import type { ClassifiedScan } from '../../src-shared/domain/scan.js';
import type { MessageKey } from '../../src-shared/i18n/en.js';
import type { MessageParams } from '../../src-shared/i18n/translate.js';

/** One line of the last-scan panel, translated when drawn so it follows a language switch. */
export interface ScanLine {
  key: MessageKey;
  params?: MessageParams;
  /** Names the line for tests: last-scan-<testId>. */
  testId: 'carrier' | 'value' | 'compartment' | 'text' | 'source';
}

/**
 * What the panel says about a scan, under its kind. Kiosk credentials other than compartment
 * labels carry a secret token (badge, pickup code), which is never put on a screen people can
 * read over the operator's shoulder; an unknown scan shows its text as scanned, never a guess.
 */
export function describeScan(
  scan: ClassifiedScan,
  compartments: readonly Pick<CompartmentView, 'id' | 'label'>[],
): ScanLine[] {
  const lines: ScanLine[] = [];
  if (scan.carrier) {
    lines.push({ key: `last_scan.carrier.${scan.carrier}`, testId: 'carrier' });
  }
  switch (scan.kind) {
    case 'tracking_number':
      lines.push({
        key: 'last_scan.tracking_number',
        params: { value: scan.value ?? scan.text },
        testId: 'value',
      });
      break;
    case 'compartment_barcode': {
      const compartment = compartments.find((candidate) => candidate.id === scan.value);
      lines.push(
        compartment
          ? {
              key: 'last_scan.compartment',
              params: { label: compartment.label },
              testId: 'compartment',
            }
          : {
              key: 'last_scan.compartment_elsewhere',
              params: { id: scan.value ?? '' },
              testId: 'compartment',
            },
      );
      break;
    }
    case 'unknown':
      lines.push({ key: 'last_scan.text', params: { text: scan.text }, testId: 'text' });
      break;
    case 'operator_badge':
    case 'carrier_qr':
    case 'pickup_qr':
      break;
  }
  lines.push({ key: `last_scan.source.${scan.source}`, testId: 'source' });
  return lines;
}
