import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startKioskCore } from '../../../src-main/core/start-kiosk-core.js';
import {
  replaceUnregisteredDeviceId,
  unregisteredDeviceId,
} from '../../../src-main/db/queries/sync-device.js';
import { silentLogger } from '../../../src-main/logging/logger.js';
import { saveCloudCredential } from '../../../src-main/sync/cloud-credential-home.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { FakeHardware } from '../../helpers/fake-hardware.js';
import { openTestKioskDatabase } from '../../helpers/kiosk-database.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';

const kioskId = /^kiosk-[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Databases from before migration 0006 all say `unregistered-bank`; device ids are global keys
 * in the cloud, so a kiosk that never enrolled gets one of its own at start.
 */
describe('the device id of a database from before migration 0006', () => {
  let folder: ReturnType<typeof makeTempFolder>;

  beforeEach(() => {
    folder = makeTempFolder();
  });
  afterEach(() => {
    folder.remove();
  });

  const deviceRow = () => {
    const sqlite = new Database(join(folder.path, 'kiosk.sqlite'));
    try {
      return sqlite.prepare('SELECT device_id, incarnation_id FROM sync_device').get() as {
        device_id: string;
        incarnation_id: string;
      };
    } finally {
      sqlite.close();
    }
  };

  const setDeviceId = (deviceId: string) => {
    const sqlite = new Database(join(folder.path, 'kiosk.sqlite'));
    sqlite.prepare('UPDATE sync_device SET device_id = ?').run(deviceId);
    sqlite.close();
  };

  const startAndStop = async () => {
    const core = await startKioskCore({
      dataDir: folder.path,
      demo: true,
      hardware: new FakeHardware(),
      clock: new ManualClock(Date.UTC(2026, 10, 25, 8, 0)),
      logger: silentLogger(),
    });
    await core.stop();
  };

  it('is replaced by a kiosk-<uuid v7> when the kiosk starts never enrolled, and only once', async () => {
    await startAndStop();
    setDeviceId(unregisteredDeviceId);
    const { incarnation_id: incarnationId } = deviceRow();

    await startAndStop();
    const renamed = deviceRow();
    expect(renamed.device_id).toMatch(kioskId);
    expect(renamed.incarnation_id).toBe(incarnationId);

    await startAndStop();
    expect(deviceRow().device_id).toBe(renamed.device_id);
  });

  it('stays when a credential is saved: the cloud knows the kiosk by it', async () => {
    await startAndStop();
    setDeviceId(unregisteredDeviceId);
    saveCloudCredential(folder.path, {
      cloudUrl: 'https://cloud.example.test',
      tenantId: 'tenant-1',
      bankId: 'cloud-bank-1',
      credential: `kiosk-1.${'s'.repeat(43)}`,
    });

    await startAndStop();
    expect(deviceRow().device_id).toBe(unregisteredDeviceId);
  });

  it('the query leaves any other id alone and answers the identity as it stands', () => {
    const database = openTestKioskDatabase(folder.path);
    try {
      const sqlite = database.sqlite;
      const before = sqlite.prepare('SELECT device_id FROM sync_device').get() as {
        device_id: string;
      };
      expect(replaceUnregisteredDeviceId(database.db, { enrolled: false }).deviceId).toBe(
        before.device_id,
      );

      sqlite.prepare('UPDATE sync_device SET device_id = ?').run(unregisteredDeviceId);
      expect(replaceUnregisteredDeviceId(database.db, { enrolled: true }).deviceId).toBe(
        unregisteredDeviceId,
      );
      const renamed = replaceUnregisteredDeviceId(database.db, {
        enrolled: false,
        newDeviceId: 'kiosk-new',
      });
      expect(renamed.deviceId).toBe('kiosk-new');
      expect(sqlite.prepare('SELECT device_id FROM sync_device').get()).toEqual({
        device_id: 'kiosk-new',
      });
    } finally {
      database.close();
    }
  });
});
