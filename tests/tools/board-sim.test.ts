import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAppRoot } from '../../src-main/app-root.js';
import { fromHex } from '../../src-main/hardware/kerong-cu16/codec.js';
import { openSerialLine } from '../../src-main/hardware/serial-line.js';
import {
  startBoardSimulator,
  waitForCondition,
  type BoardSimulator,
} from '../helpers/board-simulator.js';
import { createPtyPair, type PtyPair } from '../helpers/pty.js';
import { makeTempFolder } from '../helpers/temp-folder.js';
import { RawKioskSide } from './raw-kiosk-side.js';

describe('board-sim process over a socat pty pair', () => {
  const folder = makeTempFolder('casier-board-sim-');
  let pty: PtyPair;
  let simulator: BoardSimulator;
  let kiosk: RawKioskSide;

  beforeAll(async () => {
    pty = await createPtyPair(folder.path);
    simulator = await startBoardSimulator({ device: pty.deviceSide, boards: 2, closeAfterMs: 300 });
    kiosk = new RawKioskSide(await openSerialLine({ path: pty.kioskSide, baudRate: 19200 }));
  });

  afterAll(async () => {
    await kiosk?.line.close();
    await simulator?.stop();
    await pty?.close();
    folder.remove();
  });

  it('prints a control URL on 127.0.0.1 and answers status requests of both boards', async () => {
    expect(simulator.controlUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await kiosk.exchange('02 00 30 03 35', 9)).toBe('02 00 35 00 00 00 00 03 3A');
    expect(await kiosk.exchange('02 10 30 03 45', 9)).toBe('02 10 35 00 00 00 00 03 4A');
  });

  it('ignores a bad-checksum frame: no reply, counted in the log, the door stays shut', async () => {
    const before = await simulator.log();
    // 02 10 30 03 3E (wrong sum) gets no answer, so the 9 bytes that come back answer the good one.
    expect(await kiosk.exchange('02 12 31 03 49 02 10 30 03 3E 02 10 30 03 45', 9)).toBe(
      '02 10 35 00 00 00 00 03 4A',
    );
    const after = await simulator.log();
    expect(after.ignoredFrames - before.ignoredFrames).toBe(2);
    expect(after.validFrames - before.validFrames).toBe(1);
    expect((await simulator.lock(1, 3)).door).toBe('closed');
  });

  it('shows items and hand-opened doors set through the control API', async () => {
    await simulator.setItem(0, 2, true);
    await simulator.openByHand(0, 16);
    expect(await kiosk.exchange('02 00 30 03 35', 9)).toBe('02 00 35 00 80 02 00 03 BC');
    await simulator.closeByHand(0, 16);
    await simulator.setItem(0, 2, false);
    expect(await kiosk.exchange('02 00 30 03 35', 9)).toBe('02 00 35 00 00 00 00 03 3A');
  });

  it('opens a held door on unlock and keeps it open until released', async () => {
    await simulator.setHoldOpen(1, 5, true);
    await kiosk.line.write(fromHex('02 14 31 03 4A'));
    await waitForCondition(async () => (await simulator.lock(1, 5)).door === 'open');
    expect(await simulator.lock(1, 5)).toMatchObject({ door: 'open', holdOpen: true });
    await simulator.setHoldOpen(1, 5, false);
    await waitForCondition(async () => (await simulator.lock(1, 5)).door === 'closed', {
      description: 'the released door to swing shut',
    });
  });
});

describe('board-sim command line', () => {
  const root = findAppRoot(import.meta.url);

  it('exits with status 2 and the usage on a bad option', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(root, 'tools', 'sim', 'board-sim.ts'),
        '--protocol',
        'x',
        '--device',
        '/none',
        '--boards',
        '1',
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(stderr).toMatch(/--protocol must be one of kerong-cu16/);
    expect(stderr).toMatch(/Usage: board-sim/);
  });

  it('stops by itself when the pty pair goes away (socat killed)', async () => {
    const folder = makeTempFolder('casier-board-sim-');
    const pty = await createPtyPair(folder.path);
    const simulator = await startBoardSimulator({ device: pty.deviceSide, boards: 1 });
    try {
      await pty.close();
      await waitForCondition(
        () => {
          try {
            process.kill(simulator.pid ?? 0, 0);
            return false;
          } catch {
            return true;
          }
        },
        { description: 'the simulator to exit after its line closed', timeoutMs: 5000 },
      );
    } finally {
      await simulator.stop();
      await pty.close();
      folder.remove();
    }
  });
});
