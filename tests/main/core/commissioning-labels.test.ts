import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCommissioningService } from '../../../src-main/core/commissioning-service.js';
import type { KioskDatabase } from '../../../src-main/db/open-kiosk-database.js';
import { compartments, lockerBanks } from '../../../src-main/db/schema.js';
import { labelsPerPage } from '../../../src-main/labels/label-sheet-layout.js';
import type { LabelSheet } from '../../../src-shared/api/contract.js';
import { parseCredential } from '../../../src-shared/scanning/credentials.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { openTestKioskDatabase } from '../../helpers/kiosk-database.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';
import { startCoreHarness } from './core-harness.js';
import { decodeBarcodesPerPage, pdfTitle } from './pdf-barcodes.js';

function pdfBytes(sheet: LabelSheet): Uint8Array {
  return new Uint8Array(Buffer.from(sheet.contentBase64, 'base64'));
}

/** C1: every compartment's barcode label, printable on A4 sheets of 24. */
describe('commissioning.labels', () => {
  it('returns the demo bank’s 24 labels as a one-page PDF through the dispatcher', async () => {
    const harness = await startCoreHarness();
    try {
      const sheet = await harness.call('commissioning.labels', {});
      const views = await harness.compartments();

      expect(sheet.fileName).toBe('casier-labels-demo-lobby-bank.pdf');
      const bytes = pdfBytes(sheet);
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      const pages = await decodeBarcodesPerPage(bytes);
      expect(labelsPerPage).toBe(24);
      expect(pages).toHaveLength(1);
      // In label order 1…24, each encoding the compartment's id, which the scanner recognises.
      const byLabel = [...views].sort((a, b) => Number(a.label) - Number(b.label));
      expect(pages[0]).toEqual(byLabel.map((view) => `CSR1-C-${view.id}`));
      expect(pages[0]!.map((text) => parseCredential(text))).toEqual(
        byLabel.map((view) => ({ kind: 'compartment_barcode', payload: view.id })),
      );
      expect(await pdfTitle(bytes)).toBe('Compartment labels – Demo lobby bank');
    } finally {
      await harness.stop();
    }
  });

  it('prints the sheet in the language of whoever asked for it', async () => {
    const harness = await startCoreHarness();
    try {
      const result = await harness.invoke('commissioning.labels', {}, 'fr');
      if (!result.ok) {
        throw new Error(result.error.message);
      }
      const bytes = pdfBytes(result.value as { fileName: string; contentBase64: string });
      expect(await pdfTitle(bytes)).toBe('Étiquettes des casiers – Demo lobby bank');
    } finally {
      await harness.stop();
    }
  });

  describe('a bigger bank', () => {
    let folder: ReturnType<typeof makeTempFolder>;
    let database: KioskDatabase;
    const clock = new ManualClock(Date.UTC(2026, 10, 25, 10));
    const bankId = 'bank-big';

    /** `count` compartments labelled 1…count, inserted in reverse so the order must be sorted. */
    function seedBank(count: number): string[] {
      const { db } = database;
      db.insert(lockerBanks).values({ id: bankId, name: 'Hall B – rear', createdAt: 0 }).run();
      const ids: string[] = [];
      for (let index = count - 1; index >= 0; index--) {
        const id = `cmp-${String(index + 1).padStart(3, '0')}`;
        ids.unshift(id);
        db.insert(compartments)
          .values({
            id,
            bankId,
            label: String(index + 1),
            size: 'M',
            doorBottomCm: 20,
            doorTopCm: 50,
            board: Math.floor(index / 16),
            channel: (index % 16) + 1,
            updatedAt: 0,
          })
          .run();
      }
      return ids;
    }

    function service() {
      return createCommissioningService({
        db: database.db,
        clock,
        bankId,
        doors: { hardwareStatus: 'ok' },
        unlockAndObserve: () => Promise.reject(new Error('no pulse while printing labels')),
      });
    }

    beforeEach(() => {
      folder = makeTempFolder();
      database = openTestKioskDatabase(folder.path);
    });
    afterEach(() => {
      database.close();
      folder.remove();
    });

    it.each([
      { count: 1, pages: [1] },
      { count: 25, pages: [24, 1] },
      { count: 50, pages: [24, 24, 2] },
    ])('$count labels: one page per 24, in label order', async ({ count, pages }) => {
      const ids = seedBank(count);
      const sheet = await service().labels('en');
      const decoded = await decodeBarcodesPerPage(pdfBytes(sheet));
      expect(decoded.map((page) => page.length)).toEqual(pages);
      expect(decoded.flat()).toEqual(ids.map((id) => `CSR1-C-${id}`));
      expect(sheet.fileName).toBe('casier-labels-hall-b-rear.pdf');
    });

    it('prints the same bytes twice (the date comes from the kiosk clock)', async () => {
      seedBank(3);
      const first = await service().labels('en');
      const second = await service().labels('en');
      expect(second.contentBase64).toBe(first.contentBase64);
    });

    it('prints a label whose text the PDF fonts cannot show instead of failing', async () => {
      seedBank(1);
      database.db.update(compartments).set({ label: 'Ω3' }).run();
      const decoded = await decodeBarcodesPerPage(pdfBytes(await service().labels('en')));
      expect(decoded).toEqual([['CSR1-C-cmp-001']]);
    });
  });
});
