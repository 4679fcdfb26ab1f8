import { describe, expect, it } from 'vitest';
import {
  AccountLockout,
  defaultAccountLockoutPolicy,
} from '../../../src-main/auth/account-lockout.js';
import { MemoryAccountLockoutStore } from '../../../src-main/auth/lockout-store.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';

function setup(policy = defaultAccountLockoutPolicy) {
  const clock = new ManualClock();
  const store = new MemoryAccountLockoutStore();
  const lockout = new AccountLockout({ store, clock, policy });
  return { clock, store, lockout };
}

describe('AccountLockout', () => {
  it('locks on the 5th failure in a row for 15 minutes', async () => {
    const { clock, lockout } = setup();
    for (let failure = 1; failure <= 4; failure++) {
      expect(lockout.recordFailure('op-1')).toEqual({ locked: false, failures: failure });
    }
    const lockedUntilMs = clock.now() + 15 * 60_000;
    expect(lockout.recordFailure('op-1')).toEqual({ locked: true, lockedUntilMs });
    expect(lockout.status('op-1')).toEqual({ locked: true, lockedUntilMs });
    await clock.advance(15 * 60_000 - 1);
    expect(lockout.status('op-1').locked).toBe(true);
    await clock.advance(1);
    expect(lockout.status('op-1')).toEqual({ locked: false, failures: 0 });
  });

  it('does not extend the lock for attempts made while locked', async () => {
    const { clock, lockout } = setup();
    for (let failure = 1; failure <= 5; failure++) {
      lockout.recordFailure('op-1');
    }
    const { lockedUntilMs } = lockout.status('op-1') as { lockedUntilMs: number };
    await clock.advance(60_000);
    expect(lockout.recordFailure('op-1')).toEqual({ locked: true, lockedUntilMs });
  });

  it('is lifted by an admin at once', () => {
    const { lockout } = setup();
    for (let failure = 1; failure <= 5; failure++) {
      lockout.recordFailure('op-1');
    }
    lockout.unlock('op-1');
    expect(lockout.status('op-1')).toEqual({ locked: false, failures: 0 });
  });

  it('counts each account on its own', () => {
    const { lockout } = setup();
    for (let failure = 1; failure <= 5; failure++) {
      lockout.recordFailure('op-1');
    }
    expect(lockout.status('op-2')).toEqual({ locked: false, failures: 0 });
  });

  it('starts again after a success, and forgets failures an hour apart', async () => {
    const { clock, lockout } = setup();
    for (let failure = 1; failure <= 4; failure++) {
      lockout.recordFailure('op-1');
    }
    lockout.recordSuccess('op-1');
    expect(lockout.recordFailure('op-1')).toEqual({ locked: false, failures: 1 });
    for (let failure = 0; failure < 10; failure++) {
      await clock.advance(defaultAccountLockoutPolicy.forgetAfterMs);
      expect(lockout.recordFailure('op-1')).toEqual({ locked: false, failures: 1 });
    }
  });

  it('keeps its state in the store, so a new instance (a restarted kiosk) still sees the lock', () => {
    const { clock, store, lockout } = setup();
    for (let failure = 1; failure <= 5; failure++) {
      lockout.recordFailure('op-1');
    }
    const restarted = new AccountLockout({ store, clock });
    expect(restarted.status('op-1').locked).toBe(true);
  });

  it('refuses a policy that could never lock or never unlock', () => {
    const clock = new ManualClock();
    const store = new MemoryAccountLockoutStore();
    for (const policy of [
      { ...defaultAccountLockoutPolicy, maxFailures: 0 },
      { ...defaultAccountLockoutPolicy, lockDurationMs: 0 },
    ]) {
      expect(() => new AccountLockout({ store, clock, policy })).toThrow(RangeError);
    }
  });
});
