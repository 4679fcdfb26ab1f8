import { LockBusError } from './lock-bus.js';

export type TransactionPriority = 'unlock' | 'poll';

/** How a transaction answers its caller, possibly before the transaction itself ends. */
export interface Answer<T> {
  resolve(value: T): void;
  reject(error: LockBusError): void;
}

interface Job {
  priority: TransactionPriority;
  run(): Promise<void>;
  fail(error: LockBusError): void;
}

/**
 * One transaction at a time on a serial bus (hardware.md "The port"), shared by every board
 * adapter: unlocks jump ahead of queued polls (a person is waiting at the door; a poll can
 * wait), and once shut down every queued and later transaction fails with the same error.
 */
export class BusQueue {
  readonly #jobs: Job[] = [];
  #running = false;
  #closedError: LockBusError | undefined;
  #idleWaiters: (() => void)[] = [];

  /** Set once `shutDown` has been called. */
  get closedError(): LockBusError | undefined {
    return this.#closedError;
  }

  /**
   * Queues a transaction. `work` answers the caller through `answer` when it knows the result,
   * which may be before the transaction ends (an unlock answers once written, then keeps the
   * bus while the board settles). If `work` throws before answering, the caller gets the error.
   */
  enqueue<T>(
    priority: TransactionPriority,
    work: (answer: Answer<T>) => Promise<void>,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.#closedError) {
        reject(this.#closedError);
        return;
      }
      let answered = false;
      const answer: Answer<T> = {
        resolve: (value) => {
          answered = true;
          resolve(value);
        },
        reject: (error) => {
          answered = true;
          reject(error);
        },
      };
      const job: Job = {
        priority,
        run: async () => {
          try {
            await work(answer);
            if (!answered) {
              answer.reject(
                new LockBusError('port_error', 'the transaction ended without an answer'),
              );
            }
          } catch (error) {
            if (!answered) {
              answer.reject(asLockBusError(error));
            }
          }
        },
        fail: (error) => answer.reject(error),
      };
      if (priority === 'unlock') {
        const firstPoll = this.#jobs.findIndex((queued) => queued.priority === 'poll');
        this.#jobs.splice(firstPoll === -1 ? this.#jobs.length : firstPoll, 0, job);
      } else {
        this.#jobs.push(job);
      }
      void this.#drain();
    });
  }

  /** Fails every queued transaction and every later one with `error`. Idempotent. */
  shutDown(error: LockBusError): void {
    if (this.#closedError) {
      return;
    }
    this.#closedError = error;
    for (const job of this.#jobs.splice(0)) {
      job.fail(error);
    }
  }

  /** Resolves when no transaction is running. */
  untilIdle(): Promise<void> {
    if (!this.#running) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  async #drain(): Promise<void> {
    if (this.#running) {
      return;
    }
    this.#running = true;
    try {
      for (let job = this.#jobs.shift(); job; job = this.#jobs.shift()) {
        if (this.#closedError) {
          job.fail(this.#closedError);
          continue;
        }
        await job.run();
      }
    } finally {
      this.#running = false;
      for (const idle of this.#idleWaiters.splice(0)) {
        idle();
      }
    }
  }
}

export function asLockBusError(error: unknown): LockBusError {
  return error instanceof LockBusError
    ? error
    : new LockBusError('port_error', String(error), { cause: error });
}
