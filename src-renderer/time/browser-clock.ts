import type { Clock, TimerHandle } from '../../src-shared/time/clock.js';

/** The timer functions of a page (`window`), or of a fake in tests. */
export interface TimerScope {
  setTimeout(callback: () => void, delayMs: number): number;
  clearTimeout(timerId: number): void;
}

/** The page's real time, as the Clock the shared code is written against. */
export function browserClock(scope: TimerScope = window, now: () => number = Date.now): Clock {
  return {
    now: () => now(),
    setTimeout(callback, delayMs): TimerHandle {
      return { timerId: scope.setTimeout(callback, delayMs) };
    },
    clearTimeout(handle) {
      if (typeof handle.timerId === 'number') {
        scope.clearTimeout(handle.timerId);
      }
    },
  };
}
