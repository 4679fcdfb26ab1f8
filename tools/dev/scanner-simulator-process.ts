import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { findAppRoot } from '../../src-main/app-root.js';
import { readReadyLine } from './ready-line.js';
import { stopChild } from './stop-child.js';

export interface ScannerSimulatorProcess {
  controlUrl: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the serial-mode scanner simulator (tools/sim/scanner-sim.ts) as its own process on the
 * device end of a pty pair, and waits for its ready line.
 */
export async function startScannerSimulatorProcess(options: {
  device: string;
  readyTimeoutMs?: number;
}): Promise<ScannerSimulatorProcess> {
  const root = findAppRoot(import.meta.url);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'tools', 'sim', 'scanner-sim.ts'), '--device', options.device],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const stop = (): Promise<void> => stopChild(child);
  try {
    const ready = await readReadyLine<{ ready: true; controlUrl: string }>(
      child,
      options.readyTimeoutMs ?? 15_000,
    );
    return { controlUrl: ready.controlUrl, process: child, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
