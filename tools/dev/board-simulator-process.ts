import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { findAppRoot } from '../../src-main/app-root.js';
import type { SimulatedProtocol } from '../sim/board-sim-options.js';
import { readReadyLine } from './ready-line.js';
import { stopChild } from './stop-child.js';

export interface BoardSimulatorProcessOptions {
  protocol: SimulatedProtocol;
  /** The simulator's end of the pty pair. */
  device: string;
  boards: number;
  closeAfterMs?: number;
  readyTimeoutMs?: number;
  /** kerong-cu16 only: answer unlocks with a status frame (`replying`) or not (default). */
  unlockReply?: 'silent' | 'replying';
  /** kerong-cu16 only: the status bit value meaning "door open" (default 1). */
  lockBitOpenValue?: 0 | 1;
  /** xor-8a only: channels per board (default 24). */
  channels?: number;
  /** xor-8a only: the feedback level meaning "door open", 0x11 (default) or 0x00. */
  feedbackOpenValue?: 0x00 | 0x11;
  /** xor-8a only: how long after an unlock the board answers (default 500). */
  unlockReplyDelayMs?: number;
}

/** Command-line flags for the options that were given (board-sim-options.ts reads them). */
function optionalFlags(options: BoardSimulatorProcessOptions): string[] {
  const flags: [string, string | number | undefined][] = [
    ['--close-after-ms', options.closeAfterMs],
    ['--unlock-reply', options.unlockReply],
    ['--lock-bit-open-value', options.lockBitOpenValue],
    ['--channels', options.channels],
    ['--feedback-open-value', options.feedbackOpenValue],
    ['--unlock-reply-delay-ms', options.unlockReplyDelayMs],
  ];
  return flags.flatMap(([flag, value]) => (value === undefined ? [] : [flag, String(value)]));
}

export interface BoardSimulatorProcess {
  controlUrl: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Runs tools/sim/board-sim.ts as its own process (a board is another machine on the wire) and
 * waits for its ready line: {"ready":true,"controlUrl":"http://127.0.0.1:…"}.
 */
export async function startBoardSimulatorProcess(
  options: BoardSimulatorProcessOptions,
): Promise<BoardSimulatorProcess> {
  const root = findAppRoot(import.meta.url);
  const args = [
    '--import',
    'tsx',
    join(root, 'tools', 'sim', 'board-sim.ts'),
    '--protocol',
    options.protocol,
    '--device',
    options.device,
    '--boards',
    String(options.boards),
    ...optionalFlags(options),
  ];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  // SIGTERM, then SIGKILL after a grace: a hung simulator must not make Ctrl+C wait forever.
  const stop = (): Promise<void> => stopChild(child);

  try {
    const ready = await readReadyLine<{ ready: true; controlUrl?: unknown }>(
      child,
      options.readyTimeoutMs ?? 15_000,
    );
    if (typeof ready.controlUrl !== 'string') {
      throw new Error(`its ready line has no controlUrl: ${JSON.stringify(ready)}`);
    }
    return { controlUrl: ready.controlUrl, process: child, stop };
  } catch (error) {
    await stop();
    // The shared reader's messages do not say which process; with several running, this does.
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`the board simulator did not start: ${reason}`, { cause: error });
  }
}
