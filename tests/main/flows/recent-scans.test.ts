import { describe, expect, it } from 'vitest';
import { RecentScans, recentScanLifetimeMs } from '../../../src-main/flows/recent-scans.js';
import type { ClassifiedScan } from '../../../src-shared/domain/scan.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';

function badgeScan(payload: string): ClassifiedScan {
  return {
    source: 'serial',
    aimId: null,
    text: `CSR1-OP-${payload}`,
    kind: 'operator_badge',
    carrier: null,
    value: payload,
  };
}

describe('RecentScans (credential scans named by id, never sent to the pages)', () => {
  it('gives one scan object one id, and another scan another', () => {
    const scans = new RecentScans(new ManualClock(0));
    const scan = badgeScan('a');
    const id = scans.remember(scan);
    expect(scans.remember(scan)).toBe(id);
    expect(scans.remember(badgeScan('a'))).not.toBe(id);
  });

  it('hands a scan out once with take, as often as asked with peek', () => {
    const scans = new RecentScans(new ManualClock(0));
    const scan = badgeScan('a');
    const id = scans.remember(scan);
    expect(scans.peek(id)).toBe(scan);
    expect(scans.peek(id)).toBe(scan);
    expect(scans.take(id)).toBe(scan);
    expect(scans.take(id)).toBeUndefined();
    expect(scans.peek(id)).toBeUndefined();
  });

  it('forgets a scan after its lifetime', async () => {
    const clock = new ManualClock(0);
    const scans = new RecentScans(clock);
    const id = scans.remember(badgeScan('a'));
    await clock.advance(recentScanLifetimeMs + 1);
    expect(scans.take(id)).toBeUndefined();
  });

  it('keeps only the newest scans when a scanner runs in a loop', () => {
    const scans = new RecentScans(new ManualClock(0));
    const first = scans.remember(badgeScan('first'));
    const ids = Array.from({ length: 60 }, (_, index) => scans.remember(badgeScan(String(index))));
    expect(scans.peek(first)).toBeUndefined();
    expect(scans.peek(ids.at(-1) ?? '')).toBeDefined();
  });
});
