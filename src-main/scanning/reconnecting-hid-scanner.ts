import type { Clock, TimerHandle } from '../../src-shared/time/clock.js';
import type { Logger } from '../logging/logger.js';
import type { HidReportLayout } from './hid-pos-report.js';
import type { HidReportDevice } from './hid-report-device.js';
import { startHidScanner } from './hid-scanner.js';
import type { ScannerSource } from './scanner-source.js';

export interface ReconnectingHidScannerOptions {
  /** Opens the scanner once; rejects when it is absent (see hid-scanner-opener.ts). */
  open: () => Promise<HidReportDevice>;
  /** The configured hidraw path or 'auto', for log lines. */
  device: string;
  clock: Clock;
  logger: Logger;
  /** Pause between two attempts to open an absent scanner; default 1000 ms. */
  retryIntervalMs?: number;
  layout?: HidReportLayout;
  maxReportGapMs?: number;
}

/**
 * A HID POS scanner that survives being unplugged, like the serial scanner on its
 * ReconnectingSerialLine. Each opening of the device gets its own `startHidScanner` (so a scan
 * cut by the unplug dies with it); when the device fails, its handle is closed and the device is
 * opened again every `retryIntervalMs` on the injected clock until it is back. Listeners stay
 * attached to this source throughout, so the same ScanService keeps hearing it. It starts even
 * when no scanner is attached. Each absence is logged once, not once per attempt: a scanner left
 * unplugged must not write a log line a second for days.
 */
export async function startReconnectingHidScanner(
  options: ReconnectingHidScannerOptions,
): Promise<ScannerSource> {
  const { clock, logger } = options;
  const retryIntervalMs = options.retryIntervalMs ?? 1000;
  const listeners = new Set<(text: string) => void>();
  let current: ScannerSource | undefined;
  let detachCurrent: (() => void)[] = [];
  let retryTimer: TimerHandle | undefined;
  let attempt: Promise<void> | undefined;
  let closingLost: Promise<void> | undefined;
  let absenceReported = false;
  let closed = false;

  function tryOpen(): Promise<void> {
    retryTimer = undefined;
    attempt = openOnce().finally(() => {
      attempt = undefined;
    });
    return attempt;
  }

  async function openOnce(): Promise<void> {
    let device: HidReportDevice;
    try {
      device = await options.open();
    } catch (error) {
      if (!absenceReported) {
        absenceReported = true;
        logger.warn({ source: 'hid', device: options.device, err: error }, 'HID scanner absent');
      }
      scheduleRetry();
      return;
    }
    if (closed) {
      await closeQuietly(device);
      return;
    }
    const scanner = startHidScanner({
      device,
      clock,
      logger,
      ...(options.layout === undefined ? {} : { layout: options.layout }),
      ...(options.maxReportGapMs === undefined ? {} : { maxReportGapMs: options.maxReportGapMs }),
    });
    current = scanner;
    detachCurrent = [
      scanner.onText((text) => {
        for (const listener of listeners) {
          listener(text);
        }
      }),
      // The scanner has already stopped listening to this device (hid-scanner.ts).
      device.onError(() => {
        void lost(scanner);
      }),
    ];
    logger.info({ source: 'hid', device: options.device }, 'HID scanner connected');
  }

  /**
   * Runs once per opening: release() detaches this listener, so the further errors node-hid may
   * raise for the same unplug are not heard.
   */
  async function lost(scanner: ScannerSource): Promise<void> {
    release();
    // The loss is the news, and the scanner has logged it ('HID scanner lost'); the failed
    // reopens that follow are the same absence, so they stay quiet. Only an absence at start
    // has no loss before it, hence the one 'HID scanner absent' line in openOnce.
    absenceReported = true;
    // A handle left open on an unplugged device keeps its hidraw node and read thread alive.
    closingLost = closeQuietly(scanner);
    await closingLost;
    closingLost = undefined;
    scheduleRetry();
  }

  function release(): void {
    for (const detach of detachCurrent.splice(0)) {
      detach();
    }
    current = undefined;
  }

  function scheduleRetry(): void {
    if (closed || retryTimer) {
      return;
    }
    retryTimer = clock.setTimeout(() => {
      void tryOpen();
    }, retryIntervalMs);
  }

  async function closeQuietly(closable: { close(): Promise<void> }): Promise<void> {
    try {
      await closable.close();
    } catch (error) {
      // Closing a device that is already gone may fail; there is nothing left to release.
      logger.debug({ source: 'hid', err: error }, 'HID scanner handle close failed');
    }
  }

  await tryOpen();
  return {
    source: 'hid',
    onText: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      if (closed) {
        return;
      }
      closed = true;
      if (retryTimer) {
        clock.clearTimeout(retryTimer);
        retryTimer = undefined;
      }
      // An opening in flight finishes first; it then closes what it opened (see openOnce).
      await attempt;
      await closingLost;
      const scanner = current;
      release();
      listeners.clear();
      if (scanner) {
        await closeQuietly(scanner);
      }
    },
  };
}
