import { describe, expect, it } from 'vitest';
import { maxScanBytes } from '../../../src-main/scanning/scan-bytes.js';
import { ScanLineAssembler } from '../../../src-main/scanning/scan-line-assembler.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';

const ascii = (text: string) => new TextEncoder().encode(text);

function setUp(silenceMs?: number) {
  const clock = new ManualClock();
  const lines: string[] = [];
  let tooLong = 0;
  const assembler = new ScanLineAssembler({
    clock,
    ...(silenceMs === undefined ? {} : { silenceMs }),
    onLine: (bytes) => lines.push(new TextDecoder().decode(bytes)),
    onTooLong: () => tooLong++,
  });
  return { clock, lines, assembler, tooLong: () => tooLong };
}

describe('ScanLineAssembler', () => {
  it('ends scans at CR, LF and CR LF, skipping the empty line between CR and LF', () => {
    const { assembler, lines } = setUp();
    assembler.push(ascii('first\rsecond\nthird\r\nfourth\r\n'));
    expect(lines).toEqual(['first', 'second', 'third', 'fourth']);
  });

  it('joins a scan split across chunks anywhere, even inside a UTF-8 character', () => {
    const { assembler, lines } = setUp();
    const bytes = ascii('Ré\u001d42\r');
    for (const byte of bytes) {
      assembler.push(Uint8Array.of(byte));
    }
    expect(lines).toEqual(['Ré\u001d42']);
  });

  it('ends a scan without suffix after the silence, not before', async () => {
    const { assembler, lines, clock } = setUp(80);
    assembler.push(ascii('1Z999AA1'));
    await clock.advance(79);
    assembler.push(ascii('0123456784'));
    await clock.advance(79);
    expect(lines).toEqual([]);
    await clock.advance(1);
    expect(lines).toEqual(['1Z999AA10123456784']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('drops an over-long scan whole and carries on with the next', () => {
    const { assembler, lines, tooLong } = setUp();
    assembler.push(new Uint8Array(maxScanBytes + 1).fill(0x41));
    assembler.push(ascii('AAAA\rnext\r'));
    expect(tooLong()).toBe(1);
    expect(lines).toEqual(['next']);
  });

  it('drops a scan in progress on dispose', async () => {
    const { assembler, lines, clock } = setUp();
    assembler.push(ascii('half a co'));
    assembler.dispose();
    await clock.advance(1000);
    expect(lines).toEqual([]);
  });
});
