import { describe, expect, it } from 'vitest';
import { BusQueue, type Answer } from '../../../src-main/hardware/bus-queue.js';
import { LockBusError } from '../../../src-main/hardware/lock-bus.js';

/** A transaction the test finishes by hand, recording when it starts. */
function manualWork(log: string[], name: string) {
  let finish: () => void = () => undefined;
  let answer: Answer<string> | undefined;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const work = async (given: Answer<string>): Promise<void> => {
    answer = given;
    log.push(`start ${name}`);
    await done;
    log.push(`end ${name}`);
    given.resolve(name);
  };
  return { work, finish: () => finish(), answerNow: (value: string) => answer?.resolve(value) };
}

async function settle(): Promise<void> {
  for (let round = 0; round < 10; round++) {
    await Promise.resolve();
  }
}

describe('BusQueue', () => {
  it('runs one transaction at a time, in order', async () => {
    const queue = new BusQueue();
    const log: string[] = [];
    const a = manualWork(log, 'a');
    const b = manualWork(log, 'b');
    const first = queue.enqueue('poll', a.work);
    const second = queue.enqueue('poll', b.work);
    await settle();
    expect(log).toEqual(['start a']);
    a.finish();
    expect(await first).toBe('a');
    await settle();
    expect(log).toEqual(['start a', 'end a', 'start b']);
    b.finish();
    expect(await second).toBe('b');
  });

  it('lets unlocks jump ahead of queued polls, keeping unlocks in their own order', async () => {
    const queue = new BusQueue();
    const log: string[] = [];
    const running = manualWork(log, 'poll0');
    const jobs = [
      queue.enqueue('poll', running.work),
      queue.enqueue('poll', async (answer: Answer<string>) => {
        log.push('poll1');
        answer.resolve('poll1');
      }),
      queue.enqueue('poll', async (answer: Answer<string>) => {
        log.push('poll2');
        answer.resolve('poll2');
      }),
      queue.enqueue('unlock', async (answer: Answer<string>) => {
        log.push('unlockA');
        answer.resolve('unlockA');
      }),
      queue.enqueue('unlock', async (answer: Answer<string>) => {
        log.push('unlockB');
        answer.resolve('unlockB');
      }),
    ];
    await settle();
    // The running poll is never interrupted.
    expect(log).toEqual(['start poll0']);
    running.finish();
    await Promise.all(jobs);
    expect(log).toEqual(['start poll0', 'end poll0', 'unlockA', 'unlockB', 'poll1', 'poll2']);
  });

  it('answers the caller early while the transaction keeps the bus', async () => {
    const queue = new BusQueue();
    const log: string[] = [];
    const unlock = manualWork(log, 'unlock');
    const answered = queue.enqueue('unlock', unlock.work);
    const next = queue.enqueue('poll', async (answer: Answer<string>) => {
      log.push('poll');
      answer.resolve('poll');
    });
    await settle();
    unlock.answerNow('written');
    expect(await answered).toBe('written');
    await settle();
    expect(log).toEqual(['start unlock']);
    expect(await Promise.race([queue.untilIdle().then(() => 'idle'), settle()])).toBeUndefined();
    unlock.finish();
    expect(await next).toBe('poll');
    await queue.untilIdle();
  });

  it('turns a thrown error into a LockBusError and one without an answer into port_error', async () => {
    const queue = new BusQueue();
    const thrown = queue.enqueue('poll', () => Promise.reject(new Error('EIO')));
    await expect(thrown).rejects.toMatchObject({ name: 'LockBusError', kind: 'port_error' });
    const typed = queue.enqueue('poll', () =>
      Promise.reject(new LockBusError('timeout', 'no answer')),
    );
    await expect(typed).rejects.toMatchObject({ kind: 'timeout', message: 'no answer' });
    const silent = queue.enqueue('poll', () => Promise.resolve());
    await expect(silent).rejects.toMatchObject({ kind: 'port_error' });
    // The queue carries on after failures.
    expect(await queue.enqueue<number>('poll', async (answer) => answer.resolve(7))).toBe(7);
  });

  it('shutDown fails queued and later transactions, letting the running one finish', async () => {
    const queue = new BusQueue();
    const log: string[] = [];
    const running = manualWork(log, 'running');
    const inFlight = queue.enqueue('poll', running.work);
    let queuedRan = false;
    const queued = queue.enqueue('unlock', async (answer: Answer<string>) => {
      queuedRan = true;
      answer.resolve('x');
    });
    await settle();
    const error = new LockBusError('port_closed', 'closed for good');
    queue.shutDown(error);
    queue.shutDown(new LockBusError('timeout', 'a second shutdown changes nothing'));
    await expect(queued).rejects.toBe(error);
    await expect(queue.enqueue('poll', async () => undefined)).rejects.toBe(error);
    expect(queue.closedError).toBe(error);
    running.finish();
    expect(await inFlight).toBe('running');
    await queue.untilIdle();
    expect(queuedRan).toBe(false);
  });

  it('untilIdle resolves at once on an idle queue and after the last transaction otherwise', async () => {
    const queue = new BusQueue();
    await queue.untilIdle();
    const log: string[] = [];
    const job = manualWork(log, 'job');
    void queue.enqueue('poll', job.work);
    let idle = false;
    const waiting = queue.untilIdle().then(() => {
      idle = true;
    });
    await settle();
    expect(idle).toBe(false);
    job.finish();
    await waiting;
    expect(idle).toBe(true);
  });
});
