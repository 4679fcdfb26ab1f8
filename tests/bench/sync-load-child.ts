/**
 * The fan-in bench's load generator, run as its own process (`node --import tsx`) so that
 * thousands of simulated banks do not share an event loop with the server they measure: a
 * latency taken here is what a bank would see, not time the server spent waiting for its own
 * client code. One keep-alive pool of sockets, as many as the banks need (each real bank has its
 * own connections). Driven by sync-fan-in.bench.ts over the IPC channel (sync-load-protocol.ts).
 *
 * Each bank syncs the way the kiosk's sync engine does (src-main/sync, sync.md): when it has
 * written facts it pushes them, then pulls with waitMs 0; between syncs it holds a long-poll
 * open. Here a bank writes `mutationsPerSync` facts every period, so a sync is one push and one
 * short pull every period (both timed), and the long-poll (not timed: its length is the wait)
 * asks the server to answer just before the bank's next sync.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import type { SyncCookie } from '../../src-shared/sync/cookie.js';
import type { Mutation } from '../../src-shared/sync/mutation.js';
import { maxPullWaitMs, type PullRequest, type PullResponse } from '../../src-shared/sync/pull.js';
import { maxPushMutations, type PushResponse } from '../../src-shared/sync/push.js';
import { benchAppVersion, type BenchBank } from './sync-bench-banks.js';
import { createFactStream, type FactStream } from './sync-fact-mutations.js';
import type { LoadChildMessage, LoadStepRequest, LoadStepResult } from './sync-load-protocol.js';
import { pushBody } from './sync-push-batches.js';

interface BankState {
  stream: FactStream;
  /** Written but not yet acknowledged by the server, resent as the kiosk resends its outbox. */
  pending: Mutation[];
  cookie: SyncCookie | null;
  /** The highest id the server said it holds (its `lastMutationId`). */
  ackedThrough: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 10_000 });
const states = new Map<string, BankState>();
/** A timed request slower than this is an error: a step is judged on 200 ms. */
const requestTimeoutMs = 10_000;
/** After its window a step waits this long for the syncs still running, then aborts them. */
const hardStopGraceMs = 10_000;
/** A long-poll should end this long before the bank's next sync. */
const longPollMarginMs = 100;
const keptErrors = 5;

class HttpFailure extends Error {}

function post(
  url: string,
  credential: string,
  body: string,
  signal: AbortSignal,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        signal,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${credential}`,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (response.statusCode !== 200) {
            reject(new HttpFailure(`${response.statusCode} ${text.slice(0, 200)}`));
            return;
          }
          try {
            resolve(JSON.parse(text));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

function stateOf(bank: BenchBank): BankState {
  let state = states.get(bank.deviceId);
  if (!state) {
    state = {
      stream: createFactStream({
        bankId: bank.bankId,
        deviceId: bank.deviceId,
        firstMutationId: 1,
        startWallMs: Date.now(),
        stepMs: 1_000,
      }),
      pending: [],
      cookie: null,
      ackedThrough: 0,
    };
    states.set(bank.deviceId, state);
  }
  return state;
}

async function push(
  serverUrl: string,
  bank: BenchBank,
  state: BankState,
  signal: AbortSignal,
): Promise<void> {
  const batch = state.pending.slice(0, maxPushMutations);
  const answer = (await post(
    `${serverUrl}/v1/sync/push`,
    bank.credential,
    pushBody(bank.incarnationId, batch),
    signal,
  )) as PushResponse;
  state.ackedThrough = Math.max(state.ackedThrough, answer.lastMutationId);
  state.pending = state.pending.filter((mutation) => mutation.id > answer.lastMutationId);
  const lastId = batch.at(-1)?.id ?? 0;
  if (answer.lastMutationId < lastId) {
    throw new Error(`push of ids up to ${lastId} answered lastMutationId ${answer.lastMutationId}`);
  }
}

async function pull(
  serverUrl: string,
  bank: BenchBank,
  state: BankState,
  waitMs: number,
  signal: AbortSignal,
): Promise<void> {
  const request: PullRequest = { cookie: state.cookie, waitMs, appVersion: benchAppVersion };
  const answer = (await post(
    `${serverUrl}/v1/sync/pull`,
    bank.credential,
    JSON.stringify(request),
    signal,
  )) as PullResponse;
  state.cookie = answer.cookie;
}

async function runStep(step: LoadStepRequest): Promise<LoadStepResult> {
  const result: LoadStepResult = {
    type: 'result',
    banks: step.banks.length,
    pushLatenciesMs: [],
    pullLatenciesMs: [],
    syncsDone: 0,
    syncsScheduled: 0,
    mutationsAcked: 0,
    mutationsWritten: 0,
    errorCount: 0,
    errors: [],
    longPollsOverrun: 0,
  };
  const noteError = (error: unknown): void => {
    result.errorCount += 1;
    if (result.errors.length < keptErrors) {
      result.errors.push(error instanceof Error ? error.message : String(error));
    }
  };
  const stop = new AbortController();
  const hardStop = new AbortController();
  const openLongPolls = new Set<Promise<void>>();
  const startAt = performance.now() + 200;
  const measureFrom = startAt + step.rampMs;
  const endAt = measureFrom + step.measureMs;
  const hardStopTimer = setTimeout(
    () => hardStop.abort(),
    endAt + hardStopGraceMs - performance.now(),
  );
  const timedSignal = (): AbortSignal =>
    AbortSignal.any([hardStop.signal, AbortSignal.timeout(requestTimeoutMs)]);

  const bankLoop = async (bank: BenchBank, offsetMs: number): Promise<void> => {
    const state = stateOf(bank);
    let longPoll: Promise<void> | undefined;
    for (
      let slot = startAt + offsetMs;
      slot < endAt && !hardStop.signal.aborted;
      slot += step.periodMs
    ) {
      const untilSlot = slot - performance.now();
      if (untilSlot > 0) {
        await delay(untilSlot);
      }
      if (longPoll) {
        result.longPollsOverrun += 1;
      }
      const measured = slot >= measureFrom;
      if (measured) {
        result.syncsScheduled += 1;
      }
      for (let fact = 0; fact < step.mutationsPerSync; fact++) {
        state.pending.push(state.stream.next());
      }
      try {
        await push(step.serverUrl, bank, state, timedSignal());
        const pushedAt = performance.now();
        await pull(step.serverUrl, bank, state, 0, timedSignal());
        if (measured) {
          // A push from its scheduled time, so a bank held up by a slow server counts its wait.
          result.pushLatenciesMs.push(pushedAt - slot);
          result.pullLatenciesMs.push(performance.now() - pushedAt);
          result.syncsDone += 1;
        }
      } catch (error) {
        noteError(
          hardStop.signal.aborted
            ? new Error('unfinished when the step ended')
            : error instanceof Error && error.name === 'AbortError'
              ? new Error(`no answer within ${requestTimeoutMs} ms`)
              : error,
        );
      }
      const nextSlot = slot + step.periodMs;
      const waitMs = Math.min(
        maxPullWaitMs,
        Math.floor(nextSlot - performance.now() - longPollMarginMs),
      );
      if (nextSlot < endAt && waitMs > 0) {
        const signal = AbortSignal.any([
          stop.signal,
          AbortSignal.timeout(waitMs + requestTimeoutMs),
        ]);
        const held = pull(step.serverUrl, bank, state, waitMs, signal).then(
          () => {},
          (error: unknown) => {
            if (!stop.signal.aborted) {
              noteError(error);
            }
          },
        );
        longPoll = held;
        openLongPolls.add(held);
        void held.finally(() => {
          openLongPolls.delete(held);
          if (longPoll === held) {
            longPoll = undefined;
          }
        });
      }
    }
  };

  const spacingMs = step.periodMs / step.banks.length;
  await Promise.all(step.banks.map((bank, index) => bankLoop(bank, index * spacingMs)));
  clearTimeout(hardStopTimer);
  stop.abort();
  await Promise.all(openLongPolls);
  for (const state of states.values()) {
    result.mutationsAcked += state.ackedThrough;
    result.mutationsWritten += state.stream.nextMutationId - 1;
  }
  return result;
}

function send(message: LoadChildMessage): void {
  process.send?.(message);
}

process.on('message', (message: LoadStepRequest) => {
  runStep(message).then(send, (error: unknown) =>
    send({
      type: 'failure',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    }),
  );
});
// The bench going away (or crashing) ends the load: nothing here may outlive it.
process.on('disconnect', () => {
  agent.destroy();
  process.exit(0);
});
