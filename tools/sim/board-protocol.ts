import type { SimulatedBank } from './simulated-bank.js';

/** One frame the simulated boards received, as the control API's GET /log shows it. */
export interface ReceivedFrame {
  /** Simulator clock time (ms since the epoch). */
  at: number;
  hex: string;
  /** What the boards made of it: "status", "unlock", "unlock_all", "no_such_board", ... */
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
  repliesSent: number;
}

/**
 * The wire side of a simulated bank: one implementation per board protocol (KR-CU16 now, the
 * 0x8A/0x80 board of issue 3 next). It reads request bytes and says which bytes to send back;
 * the bank underneath holds the doors. Fault modes (no reply, bad checksum, split frames, slow
 * replies) belong between `receive` and the serial line, so every protocol gets them.
 */
export interface BoardProtocolSimulator {
  readonly protocol: string;
  readonly baudRate: number;
  readonly bank: SimulatedBank;
  /** Feeds bytes from the line; returns the replies to write, in order (often none). */
  receive(chunk: Uint8Array): Uint8Array[];
  log(): ProtocolLog;
}
