import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { findAppRoot } from '../../../src-main/app-root.js';
import { readReadyLine } from '../../../tools/dev/ready-line.js';
import { stopChild } from '../../../tools/dev/stop-child.js';

export interface ScannerSimulator {
  controlUrl: string;
  process: ChildProcess;
  /** Asks the simulated scanner to scan `text` (with its suffix unless one is given). */
  scan(text: string, suffix?: 'cr' | 'lf' | 'crlf' | 'tab' | 'none'): Promise<{ bytes: number }>;
  stop(): Promise<void>;
}

/** Runs tools/sim/scanner-sim.ts as its own process on `device` and waits for its ready line. */
export async function startScannerSimulator(
  device: string,
  args: readonly string[] = [],
): Promise<ScannerSimulator> {
  const root = findAppRoot(import.meta.url);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'tools', 'sim', 'scanner-sim.ts'), '--device', device, ...args],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let ready: { ready: true; controlUrl: string };
  try {
    ready = await readReadyLine<{ ready: true; controlUrl: string }>(child, 15_000);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return {
    controlUrl: ready.controlUrl,
    process: child,
    scan: async (text, suffix) => {
      const response = await fetch(`${ready.controlUrl}/scan`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(suffix === undefined ? { text } : { text, suffix }),
      });
      const body = await response.text();
      if (!response.ok) {
        throw new Error(`scanner simulator answered ${response.status}: ${body}`);
      }
      return JSON.parse(body) as { bytes: number };
    },
    stop: () => stopChild(child),
  };
}
