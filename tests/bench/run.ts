/**
 * `npm run bench`: performance figures as ratios against baselines measured in the same run
 * (never timed assertions in tests). Writes bench-results.json at the repository root.
 *
 * `npm run bench -- --only sync` runs only the benchmarks whose name contains `sync` and merges
 * their figures into the existing bench-results.json, keeping the others' last figures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findAppRoot } from '../../src-main/app-root.js';
import { benchAllocation } from './allocation.bench.js';
import { benchBusinessAction } from './business-action.bench.js';
import { report, type BenchFigure } from './harness.js';
import { benchLockBus } from './lock-bus.bench.js';
import { benchScanToUnlock } from './scan-to-unlock.bench.js';
import { benchSyncCatchUp } from './sync-catch-up.bench.js';
import { benchSyncFanIn } from './sync-fan-in.bench.js';
import { benchWebSocketInvoke } from './websocket-invoke.bench.js';

type Figures = Record<string, BenchFigure>;

const benches: Record<string, () => Promise<Figures>> = {
  business_action: async () => ({ 'kiosk.business_action_commit': await benchBusinessAction() }),
  websocket_invoke: async () => ({ 'kiosk.websocket_invoke': await benchWebSocketInvoke() }),
  lock_bus: benchLockBus,
  allocation: benchAllocation,
  scan_to_unlock: benchScanToUnlock,
  sync_catch_up: benchSyncCatchUp,
  sync_fan_in: benchSyncFanIn,
};

const onlyFlag = process.argv.indexOf('--only');
const only = onlyFlag === -1 ? undefined : process.argv[onlyFlag + 1];
const root = findAppRoot(import.meta.url);
const resultsFile = join(root, 'bench-results.json');
const figures: Figures =
  only !== undefined && existsSync(resultsFile)
    ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Figures)
    : {};
const chosen = Object.entries(benches).filter(
  ([name]) => only === undefined || name.includes(only),
);
if (chosen.length === 0) {
  throw new Error(`No benchmark name contains "${only}": ${Object.keys(benches).join(', ')}`);
}
for (const [, bench] of chosen) {
  Object.assign(figures, await bench());
}
report(root, figures);
