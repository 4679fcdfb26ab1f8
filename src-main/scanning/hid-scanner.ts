import type { Clock } from '../../src-shared/time/clock.js';
import type { Logger } from '../logging/logger.js';
import { HidPosAssembler } from './hid-pos-assembler.js';
import { parseHidPosReport, type HidReportLayout } from './hid-pos-report.js';
import type { HidReportDevice } from './hid-report-device.js';
import { scanBytesToText } from './scan-bytes.js';
import type { ScannerSource } from './scanner-source.js';

export interface HidScannerOptions {
  device: HidReportDevice;
  clock: Pick<Clock, 'now'>;
  logger: Logger;
  /** When the adapter knows whether reports carry their ID; otherwise told by report size. */
  layout?: HidReportLayout;
  /** Longest wait for the next report of a multi-report scan (default 500 ms). */
  maxReportGapMs?: number;
}

/** A HID POS scanner: scanned-data reports in, scans out (AIM identifier first when sent). */
export function startHidScanner(options: HidScannerOptions): ScannerSource {
  const listeners = new Set<(text: string) => void>();
  const assembler = new HidPosAssembler(
    options.maxReportGapMs === undefined ? {} : { maxGapMs: options.maxReportGapMs },
  );
  let ignoredReports = 0;

  const stopReports = options.device.onReport((bytes) => {
    const report = parseHidPosReport(bytes, options.layout);
    if (!report) {
      // Other reports (status, settings) share the device; counted, never logged one by one.
      ignoredReports++;
      return;
    }
    const ended = assembler.push(report, options.clock.now());
    if (ended?.kind === 'too_long') {
      options.logger.warn({ source: 'hid' }, 'scan dropped: longer than any scan may be');
    } else if (ended?.kind === 'incomplete') {
      options.logger.warn({ source: 'hid' }, 'scan dropped: the scanner stopped half-way');
    } else if (ended?.kind === 'scan') {
      const text = (ended.scan.aimId ?? '') + scanBytesToText(ended.scan.data);
      for (const listener of listeners) {
        listener(text);
      }
    }
  });
  // A failed device sends nothing more that can be trusted: a half scan is dropped, and any
  // report after the failure is not listened to. Closing the handle and opening the device
  // again is the owner's job (reconnecting-hid-scanner.ts starts a new scanner per opening).
  const stopErrors = options.device.onError((error) => {
    stopReports();
    assembler.reset();
    options.logger.warn({ source: 'hid', err: error }, 'HID scanner lost');
  });

  return {
    source: 'hid',
    onText: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      stopReports();
      stopErrors();
      listeners.clear();
      if (ignoredReports > 0) {
        options.logger.debug({ source: 'hid', ignoredReports }, 'HID reports that were not scans');
      }
      await options.device.close();
    },
  };
}
