import type { LockAddress } from '../../src-shared/domain/compartment.js';

/**
 * One board's sensors as read in a single status transaction.
 * Index i of each array is channel i + 1.
 */
export interface BoardReading {
  board: number;
  doorsOpen: boolean[];
  /** Item-presence sensors; undefined when the board (or the bank's profile) has none. */
  itemsPresent: boolean[] | undefined;
}

/**
 * The port every lock-board protocol adapter implements (hardware.md). One bus per serial line;
 * the adapter serialises transactions and lets unlocks go ahead of polls.
 */
export interface LockBus {
  /**
   * Sends one unlock pulse. Resolves once the request frame has been written to the line
   * ("pulse sent"): it says nothing about the door, which only a later reading can confirm.
   * Never retried by the adapter: a lost reply is resolved by reading the doors.
   * Rejects with LockBusError when the frame could not be written.
   */
  unlock(lock: LockAddress): Promise<void>;
  /** Reads one board's doors (and item sensors). Rejects with LockBusError on timeout or a bad reply. */
  readBoard(board: number): Promise<BoardReading>;
  close(): Promise<void>;
}

export type LockBusErrorKind = 'timeout' | 'bad_reply' | 'port_closed' | 'port_error';

export class LockBusError extends Error {
  readonly kind: LockBusErrorKind;

  constructor(kind: LockBusErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LockBusError';
    this.kind = kind;
  }
}
