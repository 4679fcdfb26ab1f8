import type { BoardProtocolSimulator } from './board-protocol.js';
import type { LineFaultSwitch } from './line-faults.js';
import type { ReplyTransmitter } from './reply-transmitter.js';

/** Everything the control API can see and switch in one running simulator. */
export interface ControlTarget {
  simulator: BoardProtocolSimulator;
  lineFaults: LineFaultSwitch;
  transmitter: ReplyTransmitter;
}

export interface ControlRoute {
  method: 'GET' | 'POST';
  /** Matched against the whole path; capture groups are handed to `handle`. */
  path: RegExp;
  handle(target: ControlTarget, params: string[], readBody: () => Promise<unknown>): unknown;
}

/** An answer other than 200, with the message the caller sees. */
export class HttpError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** The lock a /doors/:board/:channel or /items/:board/:channel path names, or a 404. */
export function lockFromPath(target: ControlTarget, params: string[]): LockPath {
  const board = Number(params[0]);
  const channel = Number(params[1]);
  if (!target.simulator.bank.hasLock(board, channel)) {
    throw new HttpError(404, `no lock ${channel} on board ${board}`);
  }
  return { board, channel };
}

export interface LockPath {
  board: number;
  channel: number;
}

/** One lock as GET /doors shows it, with its board: what the door routes answer. */
export function lockView(target: ControlTarget, { board, channel }: LockPath): unknown {
  const lock = target.simulator.bank
    .snapshot()
    .find((candidate) => candidate.board === board)
    ?.locks.at(channel - 1);
  return { board, ...lock };
}

/** Boards without item sensors (the 0x8A board) cannot be told about items. */
export function requireItemSensors(target: ControlTarget): void {
  if (!target.simulator.hasItemSensors) {
    throw new HttpError(409, `${target.simulator.protocol} boards have no item sensors`);
  }
}
