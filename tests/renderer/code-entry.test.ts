import { describe, expect, it } from 'vitest';
import { failure } from '../../src-shared/api/result.js';
import { ManualClock } from '../../src-shared/time/manual-clock.js';
import { createKioskClient } from '../../src-renderer/kiosk-client.js';
import { CodeEntry, keypadWaitMs, unknownWaitMs } from '../../src-renderer/codes/code-entry.js';
import { FakeTransport, settle } from './fakes.js';

function setUp() {
  const transport = new FakeTransport();
  const clock = new ManualClock();
  const client = createKioskClient(transport, () => 'en');
  const entry = new CodeEntry(
    (code: string) => client.call('pickup.withCode', { code }),
    clock,
    () => undefined,
  );
  return { transport, clock, entry };
}

const waitMessage = 'Too many wrong codes. Please try again in 30 seconds.';

describe('pickup code entry', () => {
  it('sends the code without surrounding spaces and returns the pickup', async () => {
    const { transport, entry } = setUp();
    const submitting = entry.submit(' 123456 ');
    await settle();
    expect(entry.snapshot.checking).toBe(true);
    expect(transport.call(0)).toMatchObject({
      method: 'pickup.withCode',
      args: { code: '123456' },
    });
    const pickup = {
      pickupId: 'pickup-0123456789abcdef',
      greetingName: 'Léa',
      openMode: 'one_at_a_time',
      parcels: [],
    };
    transport.call(0).answer({ ok: true, value: pickup });
    await expect(submitting).resolves.toEqual(pickup);
    expect(entry.snapshot).toEqual({ checking: false, error: undefined, lockedUntilMs: undefined });
  });

  it('sends nothing for an empty code or while a code is being checked', async () => {
    const { transport, entry } = setUp();
    await entry.submit('   ');
    void entry.submit('1');
    void entry.submit('2');
    await settle();
    expect(transport.invokes).toHaveLength(1);
  });

  it('shows the core’s message for a refused code and keeps the keypad on', async () => {
    const { transport, entry } = setUp();
    const submitting = entry.submit('000000');
    await settle();
    transport.call(0).answer(failure('invalid_code', 'This code does not open any compartment.'));
    await expect(submitting).resolves.toBeUndefined();
    expect(entry.snapshot.error).toBe('This code does not open any compartment.');
    expect(entry.snapshot.lockedUntilMs).toBeUndefined();
  });

  it('locks the keypad for the wait the core asks, then unlocks it', async () => {
    const { transport, clock, entry } = setUp();
    const submitting = entry.submit('000000');
    await settle();
    transport.call(0).answer({
      ok: false,
      error: { code: 'too_many_attempts', message: waitMessage, retryAfterMs: 30_000 },
    } as never);
    await submitting;
    expect(entry.snapshot.lockedUntilMs).toBe(clock.now() + 30_000);
    await entry.submit('111111');
    expect(transport.invokes).toHaveLength(1);
    await clock.advance(29_999);
    expect(entry.snapshot.lockedUntilMs).toBeDefined();
    await clock.advance(1);
    expect(entry.snapshot.lockedUntilMs).toBeUndefined();
    expect(entry.snapshot.error).toBe(waitMessage);
    void entry.submit('111111');
    await settle();
    expect(transport.invokes).toHaveLength(2);
  });

  it('waits a short default when the core gives no retry time', () => {
    expect(keypadWaitMs({ code: 'too_many_attempts', message: waitMessage })).toBe(unknownWaitMs);
  });

  it('leaves no timer behind when the screen closes', async () => {
    const { transport, clock, entry } = setUp();
    const submitting = entry.submit('000000');
    await settle();
    transport.call(0).answer(failure('too_many_attempts', waitMessage));
    await submitting;
    expect(clock.pendingTimers).toBe(1);
    entry.stop();
    expect(clock.pendingTimers).toBe(0);
  });
});
