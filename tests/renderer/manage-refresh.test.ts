import { describe, expect, it } from 'vitest';
import { createRefresher } from '../../src-renderer/manage/manage-refresh.js';
import { settle } from './fakes.js';

/** A load the test finishes by hand, to see what happens while it runs. */
function controlledLoads() {
  const pending: (() => void)[] = [];
  let started = 0;
  const load = () => {
    started += 1;
    return new Promise<void>((resolve) => pending.push(resolve));
  };
  return {
    load,
    get started() {
      return started;
    },
    async finishNext(): Promise<void> {
      pending.shift()?.();
      await settle();
    },
  };
}

describe('management screen refresher', () => {
  it('loads at once when nothing is loading', async () => {
    const loads = controlledLoads();
    const refresher = createRefresher(loads.load);
    refresher.request();
    expect(loads.started).toBe(1);
    await loads.finishNext();
    refresher.request();
    expect(loads.started).toBe(2);
  });

  it('folds a burst of changes during a load into one more load after it', async () => {
    const loads = controlledLoads();
    const refresher = createRefresher(loads.load);
    refresher.request();
    refresher.request();
    refresher.request();
    refresher.request();
    expect(loads.started).toBe(1);
    await loads.finishNext();
    expect(loads.started).toBe(2);
    await loads.finishNext();
    expect(loads.started).toBe(2);
    await refresher.idle();
  });

  it('keeps refreshing after a load that failed', async () => {
    let calls = 0;
    const refresher = createRefresher(() => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error('socket closed')) : Promise.resolve();
    });
    refresher.request();
    await refresher.idle();
    refresher.request();
    await refresher.idle();
    expect(calls).toBe(2);
  });
});
