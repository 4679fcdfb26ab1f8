import type { ClassifiedScan } from '../../src-shared/domain/scan.js';
import { decodeScan } from '../../src-shared/scanning/decode-scan.js';
import { KioskError } from '../core/kiosk-error.js';
import type { ScanService } from '../core/services.js';
import type { Logger } from '../logging/logger.js';
import type { ScannerSource } from './scanner-source.js';

export type ScanListener = (scan: ClassifiedScan) => void;

/** The scan pipeline of the kiosk core: scans from the page and from its own scanners. */
export interface KioskScanService extends ScanService {
  /**
   * A scan from a scanner the core reads (serial, HID). Returns the classified scan, or
   * undefined when it was refused (empty or over-long), which is logged. Never throws.
   */
  accept(text: string, source: 'serial' | 'hid'): ClassifiedScan | undefined;
  /** Feeds every scan of `scanner` into the pipeline. Returns a function that stops. */
  attach(scanner: ScannerSource): () => void;
  /** Hears every classified scan, from any source. Returns a function that stops. */
  onScan(listener: ScanListener): () => void;
}

export interface ScanServiceOptions {
  logger: Logger;
  /** A first listener, e.g. the dispatcher's `scan.received` event. */
  onScan?: ScanListener;
}

/**
 * Every scan source ends here: one decoder, then every listener. The scanned text is never
 * logged (a pickup QR or an operator badge is a secret): only its kind, carrier and length.
 */
export function createScanService(options: ScanServiceOptions): KioskScanService {
  const { logger } = options;
  const listeners = new Set<ScanListener>();
  if (options.onScan) {
    listeners.add(options.onScan);
  }

  function classify(text: string, source: ClassifiedScan['source']): ClassifiedScan | undefined {
    const decoding = decodeScan(text, source);
    if (!decoding.ok) {
      logger.warn({ source, reason: decoding.reason, length: text.length }, 'scan refused');
      return undefined;
    }
    const { scan } = decoding;
    logger.info(
      { source, kind: scan.kind, carrier: scan.carrier, aimId: scan.aimId },
      'scan classified',
    );
    for (const listener of listeners) {
      try {
        listener(scan);
      } catch (error) {
        // One failing listener must not keep the scan from the others, nor fail the scan.
        logger.error({ err: error, kind: scan.kind }, 'a scan listener failed');
      }
    }
    return scan;
  }

  return {
    submit(text, source) {
      const scan = classify(text, source);
      if (!scan) {
        throw new KioskError('invalid_argument', { detail: 'text' });
      }
      return scan;
    },
    accept: (text, source) => classify(text, source),
    attach(scanner) {
      return scanner.onText((text) => {
        classify(text, scanner.source);
      });
    },
    onScan(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
