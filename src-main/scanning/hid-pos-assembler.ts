import { maxScanBytes } from './scan-bytes.js';
import type { HidPosReport } from './hid-pos-report.js';

export interface AssembledHidScan {
  aimId: string | null;
  data: Uint8Array;
}

export type HidAssembly =
  | { kind: 'scan'; scan: AssembledHidScan }
  | { kind: 'too_long' }
  /** A scan that stalled mid-way, dropped with whatever followed it (see HidPosAssembler). */
  | { kind: 'incomplete' };

/** Longest wait for the next report of a scan; reports of one scan follow within milliseconds. */
export const defaultHidReportGapMs = 500;

/**
 * Joins the reports of one scan: a code longer than one report's data area comes in several,
 * each but the last flagged "more follow". The AIM identifier is the first report's.
 *
 * A scan whose next report does not come within `maxGapMs` is dropped, never reported cut short
 * (a cut code can read as another valid one). Reports carry no "first" mark, so a late report
 * may be that scan's tail: everything is dropped up to the next last-of-a-scan report, and the
 * person scans again.
 */
export class HidPosAssembler {
  readonly #maxGapMs: number;
  #parts: Uint8Array[] = [];
  #size = 0;
  #aimId: string | null = null;
  #tooLong = false;
  #lastReportAt: number | undefined;
  #resynchronising = false;

  constructor(options: { maxGapMs?: number } = {}) {
    this.#maxGapMs = options.maxGapMs ?? defaultHidReportGapMs;
  }

  /** Adds a report received at `now` (ms); returns the scan it ends, if it ends one. */
  push(report: HidPosReport, now: number): HidAssembly | undefined {
    if (this.#lastReportAt !== undefined && now - this.#lastReportAt > this.#maxGapMs) {
      this.reset();
      this.#resynchronising = true;
    }
    if (this.#resynchronising) {
      this.#resynchronising = report.more;
      return report.more ? undefined : { kind: 'incomplete' };
    }
    if (this.#lastReportAt === undefined) {
      this.#aimId = report.aimId;
    }
    this.#lastReportAt = now;
    if (!this.#tooLong) {
      this.#size += report.data.length;
      this.#parts.push(report.data);
      if (this.#size > maxScanBytes) {
        this.#parts = [];
        this.#tooLong = true;
      }
    }
    return report.more ? undefined : this.#take();
  }

  /** Forgets everything, a scan in progress included (the device went away). */
  reset(): void {
    this.#resynchronising = false;
    this.#parts = [];
    this.#size = 0;
    this.#aimId = null;
    this.#tooLong = false;
    this.#lastReportAt = undefined;
  }

  #take(): HidAssembly {
    if (this.#tooLong) {
      this.reset();
      return { kind: 'too_long' };
    }
    const data = new Uint8Array(this.#size);
    let offset = 0;
    for (const part of this.#parts) {
      data.set(part, offset);
      offset += part.length;
    }
    const scan = { aimId: this.#aimId, data };
    this.reset();
    return { kind: 'scan', scan };
  }
}
