import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../src-shared/time/clock.js';
import { createDispatcher, type KioskDispatcher } from '../api/dispatcher.js';
import { kioskMigrationsFolder } from '../app-root.js';
import { openKioskDatabase } from '../db/open-kiosk-database.js';
import { ensureSyncIdentity } from '../db/queries/sync-device.js';
import { seedDemoBank } from '../db/seed-demo-bank.js';
import { createBankHardware } from '../hardware/create-bank-hardware.js';
import {
  hardwareProfileFromEnvironment,
  type HardwareProfile,
} from '../hardware/hardware-profile.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { systemClock } from '../time/system-clock.js';
import { createCompartmentService } from './compartment-service.js';
import { bridgeDoorEvents } from './door-events.js';
import type { KioskHardware } from './kiosk-hardware.js';
import { createMethodHandlers } from './method-handlers.js';

export interface KioskCoreOptions {
  /** Folder for the kiosk database (created if missing). */
  dataDir: string;
  /** Seed the demo bank when the database is empty (`npm start`). */
  demo?: boolean;
  /** The bank's lock hardware; by default read from CASIER_LOCK_* variables (none: no bus). */
  hardwareProfile?: HardwareProfile;
  /** For tests: hardware already built (an in-memory fake), instead of a profile. */
  hardware?: KioskHardware;
  clock?: Clock;
  logger?: Logger;
  /** This bank's sync device id until the cloud assigns one (issue 6). */
  deviceId?: string;
}

export interface KioskCore {
  transport: KioskDispatcher;
  stop(): Promise<void>;
}

/**
 * Starts the kiosk core under plain Node or inside Electron's main process: database,
 * hardware, services, and the one dispatcher both transports carry.
 */
export async function startKioskCore(options: KioskCoreOptions): Promise<KioskCore> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger();
  mkdirSync(options.dataDir, { recursive: true });
  const database = openKioskDatabase({
    file: join(options.dataDir, 'kiosk.sqlite'),
    migrationsFolder: kioskMigrationsFolder(),
  });
  try {
    ensureSyncIdentity(database.db, options.deviceId ?? 'unregistered-bank');
    if (options.demo) {
      seedDemoBank(database.db, clock.now());
    }
    const hardware =
      options.hardware ??
      (await createBankHardware(
        options.hardwareProfile ?? hardwareProfileFromEnvironment(process.env),
        clock,
        logger,
      ));
    const compartments = createCompartmentService({
      db: database.db,
      clock,
      doors: hardware,
      unlockAndObserve: hardware.unlockAndObserve,
    });
    const dispatcher = createDispatcher(createMethodHandlers({ compartments }), logger);
    const stopBridge = bridgeDoorEvents({
      hardware,
      compartments,
      db: database.db,
      clock,
      dispatcher,
      logger,
    });
    hardware.start();
    logger.info({ bank: compartments.bank.name, dataDir: options.dataDir }, 'kiosk core started');
    return {
      transport: dispatcher,
      stop: async () => {
        stopBridge();
        await hardware.stop();
        database.close();
      },
    };
  } catch (error) {
    database.close();
    throw error;
  }
}
