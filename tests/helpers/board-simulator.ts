import type { ProtocolLog } from '../../tools/sim/board-protocol.js';
import type { SimulatedProtocol } from '../../tools/sim/board-sim-options.js';
import type { LineFaultPatchInput, LineFaults } from '../../tools/sim/line-faults.js';
import type { LineStatistics } from '../../tools/sim/reply-transmitter.js';
import type { DoorFaults, SimulatedBoard, SimulatedLock } from '../../tools/sim/simulated-bank.js';
import {
  startBoardSimulatorProcess,
  type BoardSimulatorProcessOptions,
} from '../../tools/dev/board-simulator-process.js';

export interface BoardSimulatorOptions extends Omit<BoardSimulatorProcessOptions, 'protocol'> {
  /** Default kerong-cu16 (boards 0 … n − 1); xor-8a boards are 1 … n. */
  protocol?: SimulatedProtocol;
}

/** GET /log: what the boards heard, and what went out on the line after the faults. */
export type SimulatorLog = ProtocolLog & { line: LineStatistics };

/** GET /faults: the line faults in force and every door that has a fault. */
export interface SimulatorFaults {
  line: LineFaults;
  doors: ({ board: number; channel: number } & DoorFaults)[];
}

/** The simulator's control API (tools/sim/README.md), typed. */
export interface SimulatorControl {
  controlUrl: string;
  doors(): Promise<SimulatedBoard[]>;
  /** The lock on board `board` (its wire address, not an index). */
  lock(board: number, channel: number): Promise<SimulatedLock>;
  openByHand(board: number, channel: number): Promise<void>;
  closeByHand(board: number, channel: number): Promise<void>;
  setHoldOpen(board: number, channel: number, hold: boolean): Promise<void>;
  setItem(board: number, channel: number, present: boolean): Promise<void>;
  log(): Promise<SimulatorLog>;
  faults(): Promise<SimulatorFaults>;
  /** Changes only the line faults named; `true` switches one on with its default settings. */
  setLineFaults(patch: LineFaultPatchInput): Promise<SimulatorFaults>;
  setDoorFaults(board: number, channel: number, patch: Partial<DoorFaults>): Promise<void>;
  resetFaults(): Promise<void>;
  settings(): Promise<Record<string, unknown>>;
  changeSettings(patch: Record<string, unknown>): Promise<Record<string, unknown>>;
}

/** A running tools/sim/board-sim.ts process and its control API. */
export interface BoardSimulator extends SimulatorControl {
  pid: number | undefined;
  /** SIGTERM, then waits for the process to exit. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts a board simulator (KR-CU16 unless `protocol` says otherwise) as its own process
 * (`node --import tsx tools/sim/board-sim.ts`, from the repository root) and waits for its
 * ready line.
 */
export async function startBoardSimulator(options: BoardSimulatorOptions): Promise<BoardSimulator> {
  const running = await startBoardSimulatorProcess({
    ...options,
    protocol: options.protocol ?? 'kerong-cu16',
  });
  return {
    ...simulatorControl(running.controlUrl),
    pid: running.process.pid,
    stop: () => running.stop(),
  };
}

/** Talks to the control API of a simulator that is already running (e.g. under `npm start`). */
export function simulatorControl(url: string): SimulatorControl {
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${url}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`simulator ${method} ${path} answered ${response.status}: ${text}`);
    }
    return JSON.parse(text) as T;
  }

  const doors = async (): Promise<SimulatedBoard[]> =>
    (await call<{ boards: SimulatedBoard[] }>('GET', '/doors')).boards;

  return {
    controlUrl: url,
    doors,
    lock: async (board, channel) => {
      const lock = (await doors()).find((candidate) => candidate.board === board)?.locks[
        channel - 1
      ];
      if (!lock) {
        throw new Error(`the simulator has no lock ${channel} on board ${board}`);
      }
      return lock;
    },
    openByHand: async (board, channel) => {
      await call('POST', `/doors/${board}/${channel}/open`);
    },
    closeByHand: async (board, channel) => {
      await call('POST', `/doors/${board}/${channel}/close`);
    },
    setHoldOpen: async (board, channel, hold) => {
      await call('POST', `/doors/${board}/${channel}/hold-open`, { hold });
    },
    setItem: async (board, channel, present) => {
      await call('POST', `/items/${board}/${channel}`, { present });
    },
    log: () => call<SimulatorLog>('GET', '/log'),
    faults: () => call<SimulatorFaults>('GET', '/faults'),
    setLineFaults: (patch) => call<SimulatorFaults>('POST', '/faults/line', patch),
    setDoorFaults: async (board, channel, patch) => {
      await call('POST', `/doors/${board}/${channel}/faults`, patch);
    },
    resetFaults: async () => {
      await call('POST', '/faults/reset');
    },
    settings: () => call<Record<string, unknown>>('GET', '/settings'),
    changeSettings: (patch) => call<Record<string, unknown>>('POST', '/settings', patch),
  };
}

/**
 * Polls `probe` until it returns something other than undefined/false, or fails after
 * `timeoutMs`. Only for waiting on real external processes (a simulator, socat), never for
 * in-process logic, which runs on a ManualClock.
 */
export async function waitForCondition<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  options: { timeoutMs?: number; intervalMs?: number; description?: string } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 3000;
  const intervalMs = options.intervalMs ?? 20;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${options.description ?? 'a condition'}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
