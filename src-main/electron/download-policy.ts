import path from 'node:path';
import type { BridgeLogger } from './bridge-logger.js';
import type { PreventableEvent } from './web-contents-hardening.js';

/** The terminal states of a download (Electron's `DownloadItem` 'done' event). */
export type DownloadDoneState = 'completed' | 'cancelled' | 'interrupted';

/** The parts of Electron's `DownloadItem` the policy uses. */
export interface DownloadItemLike {
  getFilename(): string;
  setSavePath(path: string): void;
  cancel(): void;
  once(event: 'done', listener: (event: unknown, state: DownloadDoneState) => void): unknown;
}

export interface LabelDownloadOptions {
  /** `<userData>/labels`: the one folder label sheets are saved to (a temp folder in tests). */
  folder: string;
  /** Electron's `shell.openPath`: resolves with an error message, or '' when it opened. */
  openPath: (filePath: string) => Promise<string>;
  logger: BridgeLogger;
}

/**
 * The label sheet's name as the core makes it (commissioning-service.ts):
 * `casier-labels-<bank slug or id>.pdf`, the slug being lower-case letters, digits and dashes.
 */
const labelSheetName = /^casier-labels-[a-z0-9][a-z0-9-]{0,99}\.pdf$/;

/**
 * The name to save a download under, or undefined when it is not a label sheet. The name comes
 * from the page, so it is reduced to its last path segment first and then must match exactly:
 * nothing else may land in the folder, nor outside it.
 */
export function labelSheetFileName(suggested: string): string | undefined {
  const name = path.basename(suggested);
  return labelSheetName.test(name) ? name : undefined;
}

/**
 * The kiosk session's `will-download` handler. Without one Electron opens a native Save dialog,
 * which an operator cannot use on a touchscreen kiosk. A label sheet is saved straight into the
 * labels folder (a newer sheet of the same bank replaces the older one) and opened in the
 * system's PDF viewer so it can be printed; any other download is cancelled.
 *
 * The save path is set synchronously, inside the event, as Electron requires; Electron creates
 * the folder if it is missing (kiosk-app.ts also creates it at start).
 */
export function createDownloadHandler(
  options: LabelDownloadOptions,
): (event: PreventableEvent, item: DownloadItemLike) => void {
  const { logger } = options;
  return (_event, item) => {
    const suggested = item.getFilename();
    const name = labelSheetFileName(suggested);
    if (name === undefined) {
      item.cancel();
      // Bounded: the name is chosen by the page.
      logger.warn({ fileName: suggested.slice(0, 120) }, 'download refused: not a label sheet');
      return;
    }
    const savePath = path.join(options.folder, name);
    item.setSavePath(savePath);
    item.once('done', (_doneEvent, state) => {
      if (state !== 'completed') {
        logger.warn({ path: savePath, state }, 'label sheet download failed');
        return;
      }
      logger.info({ path: savePath }, 'label sheet saved');
      openForPrinting(savePath, options);
    });
  };
}

function openForPrinting(savePath: string, options: LabelDownloadOptions): void {
  const { logger } = options;
  options.openPath(savePath).then(
    (problem) => {
      if (problem !== '') {
        logger.warn({ path: savePath, problem }, 'label sheet saved but could not be opened');
      }
    },
    (error: unknown) => {
      logger.warn({ path: savePath, err: error }, 'label sheet saved but could not be opened');
    },
  );
}
