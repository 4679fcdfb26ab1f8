import type { SimulatedBank } from './simulated-bank.js';

/** One frame the simulated boards received, as the control API's GET /log shows it. */
export interface ReceivedFrame {
  /** Simulator clock time (ms since the epoch). */
  at: number;
  hex: string;
  /** What the boards made of it: "status", "unlock:opened", "no_such_board", ... */
  action: string;
}

export interface ProtocolLog {
  protocol: string;
  /** The most recent valid frames, oldest first (bounded). */
  frames: ReceivedFrame[];
  validFrames: number;
  /** Frames dropped for a bad checksum or framing. */
  ignoredFrames: number;
  /** Bytes skipped while looking for a frame start (noise, and the start of ignored frames). */
  discardedBytes: number;
  /** Replies the boards produced, before line faults (GET /log's `line` says what went out). */
  repliesSent: number;
}

/**
 * A reply a board has decided to send. Its bytes are built when it is due, not when the request
 * came: the 0x8A board reports its door feedback ~500 ms after the pulse, as read at that moment.
 */
export interface BoardReply {
  /** How long the board itself takes to answer (0 = at once); line faults add to it. */
  delayMs: number;
  encode(): Uint8Array;
}

/** A control-API body a protocol refuses; the control server answers 400 with the message. */
export class InvalidControlInput extends Error {}

/**
 * The wire side of a simulated bank: one implementation per board protocol. It reads request
 * bytes and says which replies the boards send; the bank underneath holds the doors. Line faults
 * (no reply, bad checksum, garbage, split frames, slow replies) are applied after `receive`, by
 * the ReplyTransmitter, so every protocol gets them.
 */
export interface BoardProtocolSimulator {
  readonly protocol: string;
  readonly baudRate: number;
  readonly bank: SimulatedBank;
  /** False for boards without infrared item sensors: the control API refuses item changes. */
  readonly hasItemSensors: boolean;
  /** Feeds bytes from the line; returns the replies to send, in order (often none). */
  receive(chunk: Uint8Array): BoardReply[];
  log(): ProtocolLog;
  /** Protocol-specific run-time settings (GET /settings). */
  settings(): object;
  /** Applies a partial settings body (POST /settings); throws InvalidControlInput if bad. */
  changeSettings(patch: unknown): object;
}
