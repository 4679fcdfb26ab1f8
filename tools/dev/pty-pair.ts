import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { stopChild } from './stop-child.js';

export interface PtyPair {
  /** The end the kiosk opens, as it would open /dev/ttyUSB0. */
  kioskSide: string;
  /** The end the board simulator opens. */
  deviceSide: string;
  /** The socat process, for tests that unplug the "cable". */
  process: ChildProcess;
  close(): Promise<void>;
}

/**
 * A pseudo-terminal pair joined by socat (hardware.md "Simulators"): real serial bytes between
 * the kiosk and a simulator process, through the same serialport stack a USB adapter uses.
 */
export async function createPtyPair(
  folder: string,
  options: { readyTimeoutMs?: number } = {},
): Promise<PtyPair> {
  const kioskSide = join(folder, 'kiosk-tty');
  const deviceSide = join(folder, 'board-tty');
  const socat = spawn(
    'socat',
    ['-d', '-d', `pty,raw,echo=0,link=${kioskSide}`, `pty,raw,echo=0,link=${deviceSide}`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let exited = false;
  socat.once('exit', () => {
    exited = true;
  });
  let spawnError: Error | undefined;
  socat.once('error', (error) => {
    spawnError = error;
  });
  let stderr = '';
  socat.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });

  async function close(): Promise<void> {
    if (!exited) {
      // SIGTERM, then SIGKILL after a grace: a hung socat must not make Ctrl+C wait forever.
      await stopChild(socat);
    }
  }

  // socat announces both ends on stderr; the links exist once it is ready for traffic.
  const deadline = Date.now() + (options.readyTimeoutMs ?? 5000);
  while (!(
    existsSync(kioskSide) &&
    existsSync(deviceSide) &&
    stderr.includes('starting data transfer loop')
  )) {
    if (spawnError) {
      throw new Error(
        `socat could not start (${spawnError.message}); install it with: apt-get install socat`,
      );
    }
    if (exited || Date.now() > deadline) {
      await close();
      throw new Error(`socat did not create the pty pair in time: ${stderr.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { kioskSide, deviceSide, process: socat, close };
}
