import { expect } from 'vitest';
import { LockBusError } from '../../../src-main/hardware/lock-bus.js';
import { Xor8aBus, type UnlockFeedback } from '../../../src-main/hardware/xor-8a/bus.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { FakeSerialLine } from './fake-serial-line.js';

export function setupXor8aBus(options: Partial<ConstructorParameters<typeof Xor8aBus>[0]> = {}) {
  const clock = new ManualClock();
  const line = new FakeSerialLine();
  const bus = new Xor8aBus({ line, clock, ...options });
  const feedback: UnlockFeedback[] = [];
  bus.onUnlockFeedback((heard) => feedback.push(heard));
  return { clock, line, bus, feedback };
}

/** Raw status levels with the given channels set (index i = channel i + 1). */
export function levels(channels: number[], count = 8): boolean[] {
  return Array.from({ length: count }, (_, index) => channels.includes(index + 1));
}

export function setChannels(flags: readonly boolean[]): number[] {
  return flags.flatMap((set, index) => (set ? [index + 1] : []));
}

/** Settles `promise` into its LockBusError, failing the test if it resolves or rejects otherwise. */
export async function rejection(promise: Promise<unknown>): Promise<LockBusError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(LockBusError);
  return error as LockBusError;
}

/** Tracks whether a promise has settled, without handling its outcome for the test. */
export function track<T>(promise: Promise<T>): { readonly settled: boolean; promise: Promise<T> } {
  const state = { settled: false, promise };
  promise.then(
    () => {
      state.settled = true;
    },
    () => {
      state.settled = true;
    },
  );
  return state;
}
