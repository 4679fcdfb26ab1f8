/**
 * The kiosk's side of a SIGKILL at a named point of a sync round (sync.md "Faults to inject"):
 * an axios adapter around the real one that, at the chosen occurrence of the chosen point,
 * says so on stdout with a synchronous write (the parent reads it after the process is gone)
 * and kills its own process, so nothing after that point runs: no ack, no apply, no rollback.
 */
import axios, { type AxiosAdapter } from 'axios';
import { writeSync } from 'node:fs';

export const killPoints = ['before_push', 'after_push', 'before_pull', 'after_pull'] as const;
export type KillPoint = (typeof killPoints)[number];

export interface KillPlan {
  point: KillPoint;
  /** 1 for the first request of that kind, 2 for the second… */
  occurrence: number;
}

/** `before_push:2` → the plan; '' → none (the parent kills at a random step instead). */
export function parseKillPlan(text: string | undefined): KillPlan | undefined {
  if (text === undefined || text === '') {
    return undefined;
  }
  const [point, occurrence] = text.split(':');
  if (!killPoints.includes(point as KillPoint) || !Number.isInteger(Number(occurrence))) {
    throw new Error(`not a kill plan: ${text}`);
  }
  return { point: point as KillPoint, occurrence: Number(occurrence) };
}

function killSelf(point: KillPoint): never {
  writeSync(1, `point ${point}\n`);
  process.kill(process.pid, 'SIGKILL');
  throw new Error('SIGKILL did not stop the process');
}

export function killPointAdapter(
  plan: KillPlan | undefined,
  inner: AxiosAdapter = axios.getAdapter('http'),
  kill: (point: KillPoint) => never = killSelf,
): AxiosAdapter {
  const seen = { push: 0, pull: 0 };
  return async (config) => {
    const kind = config.url?.endsWith('/v1/sync/push')
      ? 'push'
      : config.url?.endsWith('/v1/sync/pull')
        ? 'pull'
        : undefined;
    if (plan === undefined || kind === undefined || !plan.point.endsWith(kind)) {
      return inner(config);
    }
    if (plan.point.startsWith('before_')) {
      if (++seen[kind] === plan.occurrence) {
        kill(plan.point);
      }
      return inner(config);
    }
    // Only answers count: a long-poll cut short by a nudge never reached this point.
    const response = await inner(config);
    if (++seen[kind] === plan.occurrence) {
      kill(plan.point);
    }
    return response;
  };
}
