import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startKioskCore, type KioskCore } from '../../../src-main/core/start-kiosk-core.js';
import { silentLogger } from '../../../src-main/logging/logger.js';
import type { SyncStatus } from '../../../src-shared/api/sync-methods.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { FakeHardware } from '../../helpers/fake-hardware.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';
import { FakeCloud } from './fake-cloud.js';
import { until } from './settle.js';

describe('the kiosk core with and without a cloud', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let core: KioskCore | undefined;
  const clock = new ManualClock(Date.UTC(2026, 10, 25, 8, 0));

  beforeEach(() => {
    folder = makeTempFolder();
  });

  afterEach(async () => {
    await core?.stop();
    core = undefined;
    folder.remove();
  });

  const status = async (): Promise<SyncStatus> => {
    const result = await core?.transport.invoke('sync.status', {}, 'en');
    if (!result?.ok) {
      throw new Error('sync.status failed');
    }
    return result.value as SyncStatus;
  };

  it('says not configured, with the waiting rows counted, when no cloud address is set', async () => {
    core = await startKioskCore({
      dataDir: folder.path,
      demo: true,
      hardware: new FakeHardware(),
      clock,
      logger: silentLogger(),
    });

    expect(await status()).toMatchObject({
      state: 'not_configured',
      lastSyncAt: null,
      problem: null,
    });
  });

  it('enrols, syncs, pushes the status to subscribers, and stops cleanly mid long-poll', async () => {
    const cloud = new FakeCloud(clock);
    cloud.validCodes.add('ABCD-EFGH-JKLM-NPQR');
    core = await startKioskCore({
      dataDir: folder.path,
      demo: true,
      hardware: new FakeHardware(),
      clock,
      logger: silentLogger(),
      cloudUrl: 'https://cloud.example.test',
      enrolmentCode: 'ABCD-EFGH-JKLM-NPQR',
      adapter: cloud.adapter,
      random: () => 0.5,
    });
    const events: SyncStatus[] = [];
    core.transport.subscribe((event, payload) => {
      if (event === 'sync.statusChanged') {
        events.push(payload as SyncStatus);
      }
    });

    await until(() => events.some((event) => event.state === 'online'), 'online');

    expect(await status()).toEqual({
      state: 'online',
      lastSyncAt: clock.now(),
      queueDepth: 0,
      problem: null,
    });
    await until(() => cloud.requestsTo('pull').length >= 2, 'the long-poll');
    const stopping = core.stop();
    core = undefined;
    await stopping;
    expect(cloud.abortedPulls).toBe(1);
  });
});
