/**
 * `npm run bench`: performance figures as ratios against baselines measured in the same run
 * (never timed assertions in tests). Writes bench-results.json at the repository root.
 */
import { findAppRoot } from '../../src-main/app-root.js';
import { benchAllocation } from './allocation.bench.js';
import { benchBusinessAction } from './business-action.bench.js';
import { report } from './harness.js';
import { benchLockBus } from './lock-bus.bench.js';
import { benchScanToUnlock } from './scan-to-unlock.bench.js';
import { benchWebSocketInvoke } from './websocket-invoke.bench.js';

const figures = {
  'kiosk.business_action_commit': await benchBusinessAction(),
  'kiosk.websocket_invoke': await benchWebSocketInvoke(),
  ...(await benchLockBus()),
  ...(await benchAllocation()),
  ...(await benchScanToUnlock()),
};
report(findAppRoot(import.meta.url), figures);
