import type { Clock, TimerHandle } from './clock.js';

interface PendingTimer {
  handle: TimerHandle;
  dueAt: number;
  order: number;
  callback: () => void;
}

/**
 * A clock that moves only when told to. `advance` fires due timers in time order, and lets
 * promise continuations run between them so async code reacts as it would in real time.
 */
export class ManualClock implements Clock {
  #nowMs: number;
  #timers: PendingTimer[] = [];
  #nextOrder = 0;

  constructor(startMs = Date.UTC(2026, 0, 1)) {
    this.#nowMs = startMs;
  }

  now(): number {
    return this.#nowMs;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const handle: TimerHandle = { timerId: this.#nextOrder };
    this.#timers.push({
      handle,
      dueAt: this.#nowMs + Math.max(0, delayMs),
      order: this.#nextOrder++,
      callback,
    });
    return handle;
  }

  clearTimeout(handle: TimerHandle): void {
    this.#timers = this.#timers.filter((timer) => timer.handle !== handle);
  }

  get pendingTimers(): number {
    return this.#timers.length;
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  async advance(ms: number): Promise<void> {
    const target = this.#nowMs + ms;
    for (;;) {
      await flushMicrotasks();
      const next = this.#earliestDueBy(target);
      if (!next) {
        break;
      }
      this.#timers = this.#timers.filter((timer) => timer !== next);
      this.#nowMs = next.dueAt;
      next.callback();
    }
    this.#nowMs = target;
    await flushMicrotasks();
  }

  #earliestDueBy(target: number): PendingTimer | undefined {
    let earliest: PendingTimer | undefined;
    for (const timer of this.#timers) {
      if (timer.dueAt > target) {
        continue;
      }
      if (
        !earliest ||
        timer.dueAt < earliest.dueAt ||
        (timer.dueAt === earliest.dueAt && timer.order < earliest.order)
      ) {
        earliest = timer;
      }
    }
    return earliest;
  }
}

async function flushMicrotasks(): Promise<void> {
  for (let round = 0; round < 20; round++) {
    await Promise.resolve();
  }
}
