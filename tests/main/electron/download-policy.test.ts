import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createDownloadHandler,
  labelSheetFileName,
} from '../../../src-main/electron/download-policy.js';
import { FakeDownloadItem, flushPromises, RecordingLogger } from './fakes.js';

const pdf = new TextEncoder().encode('%PDF-1.7\n…');

describe('labelSheetFileName', () => {
  it.each(['casier-labels-demo-lobby-bank.pdf', 'casier-labels-0198f3a2-7c1e-7d4a-9b1e.pdf'])(
    'accepts the name the core gives a label sheet: %s',
    (name) => {
      expect(labelSheetFileName(name)).toBe(name);
    },
  );

  it('keeps only the last path segment of a name', () => {
    expect(labelSheetFileName('../../.config/autostart/casier-labels-x.pdf')).toBe(
      'casier-labels-x.pdf',
    );
  });

  it.each([
    'invoice.pdf',
    'casier-labels-.pdf',
    'casier-labels-x.pdf.desktop',
    'casier-labels-x.PDF.sh',
    'casier-labels-x.exe',
    'casier-labels-x',
    'casier-labels-../x.pdf',
    'casier-labels-a b.pdf',
    'casier-labels-x\\..\\evil.pdf',
    '.casier-labels-x.pdf',
    `casier-labels-${'a'.repeat(101)}.pdf`,
    '',
  ])('refuses %j', (name) => {
    expect(labelSheetFileName(name)).toBeUndefined();
  });
});

describe('createDownloadHandler', () => {
  let folder: string;
  let logger: RecordingLogger;
  let openPath: ReturnType<typeof vi.fn<(filePath: string) => Promise<string>>>;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'casier-labels-'));
    logger = new RecordingLogger();
    openPath = vi.fn<(filePath: string) => Promise<string>>(async () => '');
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  function download(fileName: string): FakeDownloadItem {
    const item = new FakeDownloadItem(fileName);
    createDownloadHandler({ folder, openPath, logger })({ preventDefault: vi.fn() }, item);
    return item;
  }

  it('saves a label sheet into the labels folder without a dialog, then opens it for printing', async () => {
    const item = download('casier-labels-demo-lobby-bank.pdf');
    const saved = path.join(folder, 'casier-labels-demo-lobby-bank.pdf');
    // Set inside the event, as Electron requires; otherwise it shows its Save dialog.
    expect(item.savePath).toBe(saved);
    expect(openPath).not.toHaveBeenCalled();

    await item.complete(pdf);
    await flushPromises();
    expect(await readFile(saved)).toEqual(Buffer.from(pdf));
    expect(openPath).toHaveBeenCalledExactlyOnceWith(saved);
    expect(logger.entries).toEqual([
      { level: 'info', details: { path: saved }, message: 'label sheet saved' },
    ]);
  });

  it('saves a name with a path in it under its last segment, inside the folder', async () => {
    const item = download('../../casier-labels-x.pdf');
    expect(item.savePath).toBe(path.join(folder, 'casier-labels-x.pdf'));
    await item.complete(pdf);
    expect(await readdir(folder)).toEqual(['casier-labels-x.pdf']);
  });

  it.each(['report.pdf', 'casier-labels-x.html', 'casier-labels-x.pdf.desktop'])(
    'cancels any other download (%s), saving and opening nothing',
    async (fileName) => {
      const item = download(fileName);
      expect(item.cancelled).toBe(true);
      expect(item.savePath).toBeUndefined();
      await flushPromises();
      expect(openPath).not.toHaveBeenCalled();
      expect(await readdir(folder)).toEqual([]);
      expect(logger.entries).toEqual([
        { level: 'warn', details: { fileName }, message: 'download refused: not a label sheet' },
      ]);
    },
  );

  it.each(['interrupted', 'cancelled'] as const)(
    'logs a label sheet download that ends %s, and opens nothing',
    async (state) => {
      const item = download('casier-labels-bank.pdf');
      item.fail(state);
      await flushPromises();
      expect(openPath).not.toHaveBeenCalled();
      expect(logger.entries).toEqual([
        {
          level: 'warn',
          details: { path: path.join(folder, 'casier-labels-bank.pdf'), state },
          message: 'label sheet download failed',
        },
      ]);
    },
  );

  it('logs a saved sheet the system viewer cannot open (an error string or a rejection)', async () => {
    openPath.mockResolvedValueOnce('No application is registered as handling this file');
    openPath.mockRejectedValueOnce(new Error('xdg-open not found'));
    await download('casier-labels-a.pdf').complete(pdf);
    await download('casier-labels-b.pdf').complete(pdf);
    await flushPromises();
    expect(logger.at('warn').map((entry) => entry.details['path'])).toEqual([
      path.join(folder, 'casier-labels-a.pdf'),
      path.join(folder, 'casier-labels-b.pdf'),
    ]);
    expect(logger.at('warn')[0]?.details['problem']).toBe(
      'No application is registered as handling this file',
    );
  });
});
