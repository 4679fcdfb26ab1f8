import { describe, expect, it } from 'vitest';
import { maxScanLength } from '../../../src-shared/domain/scan.js';
import {
  KeyboardWedge,
  type KeyboardWedgeOptions,
} from '../../../src-shared/scanning/keyboard-wedge.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';

function setUp(options: Partial<Omit<KeyboardWedgeOptions, 'clock' | 'onScan'>> = {}) {
  const clock = new ManualClock();
  const scans: string[] = [];
  const wedge = new KeyboardWedge({ clock, onScan: (text) => scans.push(text), ...options });

  /** Types `keys` one every `gapMs` (the first at once); returns which keys were claimed. */
  async function type(keys: readonly string[], gapMs: number): Promise<boolean[]> {
    const claimed: boolean[] = [];
    for (const [index, key] of keys.entries()) {
      if (index > 0) {
        await clock.advance(gapMs);
      }
      claimed.push(wedge.key(key));
    }
    return claimed;
  }
  return { clock, scans, wedge, type };
}

const code = [...'1Z999AA10123456784'];

describe('KeyboardWedge', () => {
  it('reports a fast burst ended by Enter, claiming all but its first key', async () => {
    const { scans, type, clock } = setUp();
    const claimed = await type([...code, 'Enter'], 8);
    expect(scans).toEqual(['1Z999AA10123456784']);
    expect(claimed).toEqual([false, ...code.slice(1).map(() => true), true]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('ends a scan with no suffix after the silence', async () => {
    const { scans, type, clock } = setUp({ endSilenceMs: 120 });
    await type(code, 5);
    await clock.advance(119);
    expect(scans).toEqual([]);
    await clock.advance(1);
    expect(scans).toEqual(['1Z999AA10123456784']);
  });

  it('takes Tab as the end of a scan', async () => {
    const { scans, type } = setUp();
    expect((await type([...'CSR1-C-7', 'Tab'], 3)).at(-1)).toBe(true);
    expect(scans).toEqual(['CSR1-C-7']);
  });

  it('ignores a burst of four characters or fewer, and lets its Enter through', async () => {
    const { scans, type, clock } = setUp();
    const claimed = await type(['1', '2', '3', '4', 'Enter'], 5);
    expect(claimed.at(-1)).toBe(false);
    await clock.advance(1000);
    expect(scans).toEqual([]);
  });

  it('leaves a person typing alone', async () => {
    const { scans, type, clock } = setUp();
    const claimed = await type([...'hello world', 'Enter'], 150);
    await clock.advance(1000);
    expect(claimed.every((claim) => !claim)).toBe(true);
    expect(scans).toEqual([]);
  });

  it('reads a slow scanner (90 ms per key) once its timing is configured', async () => {
    const defaults = setUp();
    await defaults.type([...code, 'Enter'], 90);
    expect(defaults.scans).toEqual([]);

    const slow = setUp({ maxInterKeyMs: 120, endSilenceMs: 200 });
    await slow.type([...code, 'Enter'], 90);
    expect(slow.scans).toEqual(['1Z999AA10123456784']);
  });

  it('is not broken by Shift before capitals', async () => {
    const { scans, type } = setUp();
    await type(['Shift', '1', 'Shift', 'Z', '9', '9', '9', 'Shift', 'A', 'Enter'], 4);
    expect(scans).toEqual(['1Z999A']);
  });

  it('tells two scans apart when the second starts after a pause', async () => {
    const { scans, type, clock } = setUp();
    await type([...'AAAAAA', 'Enter'], 5);
    await clock.advance(300);
    await type([...'BBBBBB', 'Enter'], 5);
    expect(scans).toEqual(['AAAAAA', 'BBBBBB']);
  });

  it('claims the Enter of a scan that silence was about to end', async () => {
    const { scans, type, clock } = setUp({ maxInterKeyMs: 30, endSilenceMs: 150 });
    await type(code, 5);
    await clock.advance(80);
    expect(await type(['Enter'], 0)).toEqual([true]);
    expect(scans).toEqual(['1Z999AA10123456784']);
  });

  it('refuses an over-long burst whole, never a truncated part of it', async () => {
    const { scans, wedge, clock } = setUp();
    const claimed: boolean[] = [];
    for (let index = 0; index <= maxScanLength; index++) {
      claimed.push(wedge.key('7'));
      await clock.advance(1);
    }
    claimed.push(wedge.key('Enter'));
    expect(scans).toEqual([]);
    expect(claimed.at(-1)).toBe(true);
  });

  it('forgets a burst on reset', async () => {
    const { scans, wedge, type, clock } = setUp();
    await type(code, 5);
    wedge.reset();
    await clock.advance(1000);
    expect(scans).toEqual([]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('refuses timing that cannot work', () => {
    expect(() => setUp({ maxInterKeyMs: 100, endSilenceMs: 50 })).toThrow(RangeError);
    expect(() => setUp({ maxInterKeyMs: 0 })).toThrow(RangeError);
    expect(() => setUp({ minLength: 0 })).toThrow(RangeError);
  });
});
