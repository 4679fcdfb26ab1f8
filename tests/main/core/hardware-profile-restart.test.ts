import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startKioskCore, type KioskCore } from '../../../src-main/core/start-kiosk-core.js';
import { silentLogger } from '../../../src-main/logging/logger.js';
import type { Result } from '../../../src-shared/api/result.js';
import type { HardwareProfileDocument } from '../../../src-shared/domain/hardware-profile.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { demoAdminBadge, signInWithCredential } from '../../helpers/demo-session.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';
import { FakeSerialLine } from '../hardware/fake-serial-line.js';

/**
 * X7 as assembled by startKioskCore: the lock bus is built from the stored profile, and a saved
 * profile restarts it on the new settings. A serial device can be open once: the old line must
 * be closed before the new one opens it.
 */
describe('a saved profile restarts the lock bus', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let core: KioskCore;
  const clock = new ManualClock(Date.UTC(2026, 10, 25, 8));
  let opened: { path: string; baudRate: number }[];
  let openNow: number;
  let mostOpenAtOnce: number;

  async function settle<T>(pending: Promise<T>): Promise<T> {
    let done = false;
    void pending.finally(() => {
      done = true;
    });
    // Bus timeouts and polls run on the manual clock: move it until the call has answered.
    for (let step = 0; step < 200 && !done; step++) {
      await clock.advance(100);
    }
    return pending;
  }

  async function save(changes: Partial<HardwareProfileDocument['settings']>): Promise<void> {
    const { session } = await signInWithCredential(core.transport, demoAdminBadge);
    const got = (await core.transport.invoke(
      'hardware.profile.get',
      { session },
      'en',
    )) as Result<HardwareProfileDocument>;
    if (!got.ok) {
      throw new Error(got.error.message);
    }
    const result = await settle(
      core.transport.invoke(
        'hardware.profile.save',
        { session, profile: { ...got.value, settings: { ...got.value.settings, ...changes } } },
        'en',
      ),
    );
    expect(result.ok).toBe(true);
  }

  beforeEach(async () => {
    folder = makeTempFolder();
    opened = [];
    openNow = 0;
    mostOpenAtOnce = 0;
    core = await startKioskCore({
      dataDir: folder.path,
      demo: true,
      serialPath: '/dev/serial/by-id/usb-first-adapter',
      clock,
      logger: silentLogger(),
      hardwareOptions: {
        openLine: (path, baudRate) => {
          opened.push({ path, baudRate });
          const line = new FakeSerialLine();
          openNow++;
          mostOpenAtOnce = Math.max(mostOpenAtOnce, openNow);
          line.onClose(() => {
            openNow--;
          });
          return Promise.resolve(line);
        },
      },
    });
  });
  afterEach(async () => {
    await settle(core.stop());
    folder.remove();
  });

  it('opens the stored profile’s device at start', () => {
    expect(opened).toEqual([{ path: '/dev/serial/by-id/usb-first-adapter', baudRate: 19200 }]);
  });

  it('reopens the bus on the new device and baud rate, closing the old line first', async () => {
    await save({ serialPath: '/dev/serial/by-id/usb-second-adapter', baudRate: 38400 });

    expect(opened).toEqual([
      { path: '/dev/serial/by-id/usb-first-adapter', baudRate: 19200 },
      { path: '/dev/serial/by-id/usb-second-adapter', baudRate: 38400 },
    ]);
    expect(openNow).toBe(1);
    expect(mostOpenAtOnce).toBe(1);
  });

  it('closes the bus when the bank is set to no lock hardware', async () => {
    await save({ protocol: 'none', serialPath: '' });
    expect(openNow).toBe(0);
    expect(opened).toHaveLength(1);
    const overview = await core.transport.invoke('bank.overview', {}, 'en');
    expect(overview.ok && (overview.value as { hardware: string }).hardware).toBe('degraded');
  });
});
