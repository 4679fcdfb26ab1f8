import { describe, expect, it } from 'vitest';
import { describeScan } from '../../src-renderer/scanning/describe-scan.js';
import type { ClassifiedScan } from '../../src-shared/domain/scan.js';

const compartments = [{ id: 'cmp-7', label: '7' }];

function scan(overrides: Partial<ClassifiedScan>): ClassifiedScan {
  return {
    source: 'keyboard',
    aimId: null,
    text: '',
    kind: 'unknown',
    carrier: null,
    value: null,
    ...overrides,
  };
}

describe('what the last-scan panel says', () => {
  it('names the carrier and the number of a parcel', () => {
    const lines = describeScan(
      scan({ kind: 'tracking_number', carrier: 'ups', value: '1Z999AA10123456784' }),
      compartments,
    );
    expect(lines.map((line) => line.testId)).toEqual(['carrier', 'value', 'source']);
    expect(lines[1]).toMatchObject({ params: { value: '1Z999AA10123456784' } });
  });

  it('names this bank’s compartment by its label, another bank’s by its id', () => {
    expect(
      describeScan(scan({ kind: 'compartment_barcode', value: 'cmp-7' }), compartments)[0],
    ).toMatchObject({ key: 'last_scan.compartment', params: { label: '7' } });
    expect(
      describeScan(scan({ kind: 'compartment_barcode', value: 'cmp-99' }), compartments)[0],
    ).toMatchObject({ key: 'last_scan.compartment_elsewhere', params: { id: 'cmp-99' } });
  });

  it.each(['operator_badge', 'carrier_qr', 'pickup_qr'] as const)(
    'never puts a %s token on the screen',
    (kind) => {
      const lines = describeScan(
        scan({ kind, text: 'CSR1-PU-secret', value: 'secret' }),
        compartments,
      );
      expect(JSON.stringify(lines)).not.toContain('secret');
      expect(lines.map((line) => line.testId)).toEqual(['source']);
    },
  );

  it('shows an unknown scan as scanned, never guessed', () => {
    expect(describeScan(scan({ text: 'HELLO-42' }), compartments)[0]).toMatchObject({
      key: 'last_scan.text',
      params: { text: 'HELLO-42' },
    });
  });
});
