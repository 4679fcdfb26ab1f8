import type { Clock } from '../../src-shared/time/clock.js';

/** The real clock, for production and for processes driven by real time (simulators). */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, delayMs) => ({ timerId: setTimeout(callback, delayMs) }),
  clearTimeout: (handle) => {
    clearTimeout(handle.timerId as NodeJS.Timeout);
  },
};
