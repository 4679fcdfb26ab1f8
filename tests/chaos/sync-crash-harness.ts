/**
 * Pieces the crash half of the chaos suite shares: the kiosk file's integrity, waits with a
 * deadline. (The cloud bank twin and the in-process kiosk are chaos-system.ts's.)
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { ManualClock } from '../../src-shared/time/manual-clock.js';
import { kioskFileName } from './chaos-system.js';

/** `PRAGMA integrity_check` of the kiosk file, with no kiosk running: 'ok' or the problems. */
export function kioskIntegrity(dataDir: string): string {
  const sqlite = new Database(join(dataDir, kioskFileName), { readonly: true });
  try {
    const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((row) => row.integrity_check).join('; ');
  } finally {
    sqlite.close();
  }
}

/** Lets real I/O happen between fake-clock steps. */
export const breathe = (ms = 15): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `ready` (advancing the kiosk's fake clock so back-off pauses end) until it holds, or
 * fails with `what` after `deadlineMs` of real time.
 */
export async function waitUntil(
  what: string,
  ready: () => boolean | Promise<boolean>,
  options: { clock?: ManualClock; deadlineMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (options.deadlineMs ?? 30_000);
  while (!(await ready())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await options.clock?.advance(1_000);
    await breathe(20);
  }
}
