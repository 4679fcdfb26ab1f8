import { existsSync, mkdirSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import type { AxiosAdapter } from 'axios';
import { join } from 'node:path';
import type { BankHardwareSettings } from '../../src-shared/domain/hardware-profile.js';
import type { Clock } from '../../src-shared/time/clock.js';
import { createDispatcher, type KioskDispatcher } from '../api/dispatcher.js';
import { kioskMigrationsFolder } from '../app-root.js';
import { openKioskDatabase } from '../db/open-kiosk-database.js';
import { findOnlyBank } from '../db/queries/compartments.js';
import { listDedications } from '../db/queries/dedications.js';
import { loadHardwareProfile } from '../db/queries/hardware-profile.js';
import { setSerialPath } from '../db/queries/hardware-settings.js';
import { ensureSyncIdentity, replaceUnregisteredDeviceId } from '../db/queries/sync-device.js';
import { seedDemoBank } from '../db/seed-demo-bank.js';
import { createBankHardware, type BankHardwareOptions } from '../hardware/create-bank-hardware.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { scanForPages } from '../scanning/scan-event.js';
import { createScanService } from '../scanning/scan-service.js';
import { startScanners, type ScannerConfig } from '../scanning/start-scanners.js';
import { systemClock } from '../time/system-clock.js';
import { cloudCredentialFile } from '../sync/cloud-credential-home.js';
import { createKioskSync } from '../sync/kiosk-sync.js';
import { createRemoteCommandRunner } from '../sync/remote-commands/remote-command-runner.js';
import { AccountLockout } from '../auth/account-lockout.js';
import { createOperatorSignIn } from '../auth/operator-sign-in.js';
import { SessionManager } from '../auth/session-manager.js';
import { SqliteAccountLockoutStore } from '../auth/sqlite-lockout-store.js';
import { createSqliteOperatorDirectory } from '../auth/sqlite-operator-directory.js';
import { loadKioskCodePepper } from '../codes/code-pepper-home.js';
import { loadKioskPickupTokenKeys } from '../codes/pickup-token-key-home.js';
import { createDoorWatch } from '../flows/door-watch.js';
import { createDropOffService } from '../flows/drop-off-service.js';
import { createKioskCodes } from '../flows/kiosk-codes.js';
import { createKioskSessions } from '../flows/kiosk-sessions.js';
import { createHandoverService } from '../flows/handovers/handover-service.js';
import { createManagementService } from '../flows/management-service.js';
import { createStorageService } from '../flows/storage/storage-service.js';
import { storageBookedNotifier } from '../flows/storage/storage-booked-notice.js';
import { createPickupService } from '../flows/pickup-service.js';
import { readyForPickupNotifier } from '../flows/ready-for-pickup-notice.js';
import { RecentScans } from '../flows/recent-scans.js';
import { searchRecipients } from '../flows/recipients.js';
import { mailboxFolder } from '../notifications/file-mailbox.js';
import { createMailboxRelay } from '../notifications/mailbox-relay.js';
import { publicKioskSettings } from '../../src-shared/domain/bank-settings.js';
import type { AllocationParty } from '../../src-shared/allocation/index.js';
import { createBankSettingsService } from './bank-settings-service.js';
import { createCommissioningService } from './commissioning-service.js';
import { createCompartmentService } from './compartment-service.js';
import { bridgeDoorEvents } from './door-events.js';
import { createDoorTruth } from './door-truth.js';
import { createHardwareProfileService } from './hardware-profile-service.js';
import type { KioskHardware } from './kiosk-hardware.js';
import { createMethodHandlers } from './method-handlers.js';
import { SwitchableHardware } from './switchable-hardware.js';

export interface KioskCoreOptions {
  /** Folder for the kiosk database (created if missing). */
  dataDir: string;
  /** Seed the demo bank when the database is empty (`npm start`). */
  demo?: boolean;
  /**
   * The lock bus serial device, for launchers that know it and nothing else (`npm start` makes a
   * pty; CASIER_LOCK_DEVICE for Electron): stored into the bank's hardware settings at start.
   * Everything else about the hardware comes from the profile in the database (X7).
   */
  serialPath?: string;
  /** The scanners the core reads itself (serial, HID POS); none by default. */
  scanners?: ScannerConfig;
  /** For tests: hardware already built (an in-memory fake); a saved profile then swaps nothing. */
  hardware?: KioskHardware;
  /** For tests: how the profile's serial device is opened (a pty, a mock). */
  hardwareOptions?: BankHardwareOptions;
  clock?: Clock;
  logger?: Logger;
  /** This kiosk's sync device id, when a new database is created (a fresh UUID otherwise). */
  deviceId?: string;
  /** The cloud's base URL (issue 6); without it the kiosk does not sync ('not_configured'). */
  cloudUrl?: string;
  /** A one-time code exchanged for the device credential when the kiosk has none. */
  enrolmentCode?: string;
  /** For tests and the chaos suite: the network the sync client talks through. */
  adapter?: AxiosAdapter;
  /** Jitter of the sync backoff (seeded in tests). */
  random?: () => number;
}

export interface KioskCore {
  transport: KioskDispatcher;
  /** Where the ready-for-pickup notices are written until the cloud sends them (item 7). */
  mailboxFolder: string;
  /** Resolves once every queued notice is in the mailbox (tests, tools). */
  mailboxSettled(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the kiosk core under plain Node or inside Electron's main process: database,
 * hardware built from the stored profile, door truth, services, and the one dispatcher both
 * transports carry.
 */
export async function startKioskCore(options: KioskCoreOptions): Promise<KioskCore> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger();
  mkdirSync(options.dataDir, { recursive: true });
  const database = openKioskDatabase({
    file: join(options.dataDir, 'kiosk.sqlite'),
    migrationsFolder: kioskMigrationsFolder(),
  });
  const { db } = database;
  // What has been started so far, stopped in reverse order: by stop(), or at once when the
  // start fails half-way, so a failed start never leaves a serial line or scanner open.
  const started: (() => void | Promise<void>)[] = [() => database.close()];
  // Every step runs even when an earlier one throws: a scanner that fails to close must not
  // leave the lock bus polling and the database open.
  const stopAll = async (): Promise<void> => {
    const errors: unknown[] = [];
    for (const stop of started.splice(0).reverse()) {
      try {
        await stop();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) {
      throw new AggregateError(errors, 'the kiosk core did not stop cleanly');
    }
  };
  try {
    // Used only when the database is new: every kiosk needs its own id, since the cloud keys
    // mutation ids and credentials by it.
    ensureSyncIdentity(db, options.deviceId ?? `kiosk-${uuidv7()}`);
    // Older databases all share one id; renamed while no credential (even a damaged one) binds it.
    const syncIdentity = replaceUnregisteredDeviceId(db, {
      enrolled: existsSync(cloudCredentialFile(options.dataDir)),
    });
    if (options.demo) {
      seedDemoBank(db, clock.now());
    }
    const bank = findOnlyBank(db);
    if (!bank) {
      throw new Error('The kiosk database has no locker bank: commission the bank first.');
    }
    if (options.serialPath !== undefined) {
      setSerialPath(db, bank.id, options.serialPath, clock.now());
    }
    let settings: BankHardwareSettings = loadHardwareProfile(db, bank.id).settings;
    const build = (next: BankHardwareSettings): Promise<KioskHardware> =>
      createBankHardware(next, clock, logger, options.hardwareOptions);
    const hardware = new SwitchableHardware(options.hardware ?? (await build(settings)));
    started.push(() => hardware.stop());

    const doorTruth = createDoorTruth({ hardware, db, clock, logger, settings: () => settings });
    const compartments = createCompartmentService({
      db,
      clock,
      ...doorTruth.compartmentDependencies,
    });
    const hardwareProfile = createHardwareProfileService({
      db,
      clock,
      logger,
      bankId: bank.id,
      applySettings: async (next) => {
        const sameDoors = drivesSameDoors(settings, next);
        settings = next;
        if (!options.hardware) {
          await hardware.replace(() => build(next), { sameDoors });
        }
      },
    });
    const commissioning = createCommissioningService({
      db,
      clock,
      bankId: bank.id,
      doors: hardware,
      unlockAndObserve: doorTruth.unlockAndObserve,
    });
    const scans = createScanService({ logger });
    const recentScans = new RecentScans(clock);
    const bankSettings = createBankSettingsService({ db, clock, bankId: bank.id, logger });
    const settingsNow = () => bankSettings.current();
    const sessionManager = new SessionManager({ clock, logger });
    started.push(() => sessionManager.close());
    const sessions = createKioskSessions({
      db,
      bankId: bank.id,
      clock,
      logger,
      sessions: sessionManager,
      signIn: createOperatorSignIn({
        directory: createSqliteOperatorDirectory(db),
        lockout: new AccountLockout({ store: new SqliteAccountLockoutStore(db, clock), clock }),
        sessions: sessionManager,
        logger,
      }),
      contactlessSignIn: () => settingsNow().contactlessSignIn,
    });
    sessions.applyTimers(settingsNow().timers);
    started.push(bankSettings.onChange((next) => sessions.applyTimers(next.timers)));
    const codes = createKioskCodes({
      db,
      bankId: bank.id,
      clock,
      logger,
      pepper: loadKioskCodePepper(options.dataDir),
      tokenKeys: loadKioskPickupTokenKeys(options.dataDir),
    });
    const mailbox = mailboxFolder(options.dataDir);
    mkdirSync(mailbox, { recursive: true });
    const relay = createMailboxRelay({ db, folder: mailbox, logger });
    started.push(() => relay.settled());
    const doorWatch = createDoorWatch(hardware);
    started.push(() => doorWatch.stop());
    // D5: read at each allocation (a few rows); the console will write them (issue 6).
    const dedications = (): ReadonlyMap<string, AllocationParty> => listDedications(db, bank.id);
    const flowDependencies = {
      db,
      clock,
      logger,
      bankId: bank.id,
      compartments,
      doorWatch,
      codes,
      settings: settingsNow,
    };
    // The flows push events through the dispatcher, which is built from them: set just below.
    const events: { sink?: KioskDispatcher } = {};
    const dropOff = createDropOffService({
      ...flowDependencies,
      doors: doorTruth.compartmentDependencies.doors,
      notify: readyForPickupNotifier({
        bankId: bank.id,
        bankName: bank.name,
        settings: settingsNow,
      }),
      dedications,
      itemSensors: () => settings.itemSensors,
      emit: (view) => events.sink?.emit('deposit.changed', view),
      afterDeposit: () => relay.request(),
    });
    // Set once the hand-over service exists: a picked-up exchange refreshes the mailroom's list.
    const pickedUp: { tell?: (parcelIds: readonly string[]) => void } = {};
    const pickup = createPickupService({
      ...flowDependencies,
      emit: (view) => {
        events.sink?.emit('pickup.changed', view);
        pickedUp.tell?.(
          view.parcels
            .filter((parcel) => parcel.state === 'taken')
            .map((parcel) => parcel.parcelId),
        );
      },
    });
    started.push(() => pickup.stop());
    const management = createManagementService({
      ...flowDependencies,
      doors: doorTruth.compartmentDependencies.doors,
      dedications,
      itemSensors: () => settings.itemSensors,
      changed: () => undefined,
    });
    const storage = createStorageService({
      ...flowDependencies,
      doors: doorTruth.compartmentDependencies.doors,
      dedications,
      itemSensors: () => settings.itemSensors,
      notify: storageBookedNotifier({ bankId: bank.id, bankName: bank.name }),
      emit: (view) => events.sink?.emit('storage.changed', view),
      afterNotice: () => relay.request(),
    });
    started.push(() => storage.stop());
    const handovers = createHandoverService({
      ...flowDependencies,
      bankName: bank.name,
      doors: doorTruth.compartmentDependencies.doors,
      dedications,
      itemSensors: () => settings.itemSensors,
      emit: (event, payload) => events.sink?.emit(event, payload),
      afterNotice: () => relay.request(),
    });
    started.push(() => handovers.stop());
    pickedUp.tell = (parcelIds) => {
      handovers.parcelsTaken(parcelIds);
    };
    const sync = createKioskSync(options, {
      db,
      dataDir: options.dataDir,
      identity: syncIdentity,
      bankId: bank.id,
      clock,
      logger,
      // G5 from the cloud opens through the same path (and checks) as an operator's open.
      remoteCommands: createRemoteCommandRunner({
        db,
        clock,
        logger,
        bankId: bank.id,
        compartments,
      }),
      // Flows read the settings from memory: a pulled settings document must reach it.
      afterPage: (page) => {
        if (page.settingsChanged) {
          bankSettings.reload();
        }
      },
    });
    started.push(() => sync.stop());
    const dispatcher = createDispatcher(
      createMethodHandlers({
        compartments,
        serviceStates: doorTruth.serviceStates,
        hardwareProfile,
        commissioning,
        scans,
        recentScans,
        sessions,
        settings: bankSettings,
        publicSettings: () => publicKioskSettings(settingsNow(), settings.keyboardWedge),
        searchRecipients: (query) => searchRecipients(db, query),
        dropOff,
        pickup,
        management,
        storage,
        handovers,
        sync,
      }),
      logger,
    );
    events.sink = dispatcher;
    started.push(
      sync.onStatusChanged((status) => {
        dispatcher.emit('sync.statusChanged', status);
      }),
    );
    started.push(bridgeDoorEvents({ hardware, doorTruth, dispatcher, logger }));
    started.push(
      sessions.onEnded((tag, reason) => {
        dispatcher.emit('session.ended', { tag, reason });
      }),
    );
    started.push(
      scans.onScan((scan) => {
        dispatcher.emit('scan.received', {
          ...scanForPages(scan),
          scanId: recentScans.remember(scan),
        });
      }),
    );
    started.push(await startScanners(options.scanners ?? {}, scans, clock, logger));
    hardware.start();
    sync.start();
    logger.info({ bank: bank.name, dataDir: options.dataDir }, 'kiosk core started');
    return {
      transport: dispatcher,
      mailboxFolder: mailbox,
      mailboxSettled: () => relay.settled(),
      stop: stopAll,
    };
  } catch (error) {
    // The start's own error is the one worth reporting; a failed cleanup is only logged.
    await stopAll().catch((cleanupError: unknown) => {
      logger.error({ err: cleanupError }, 'cleaning up after a failed start failed too');
    });
    throw error;
  }
}

/** Whether two profiles address the same physical doors and read their sensors the same way. */
function drivesSameDoors(before: BankHardwareSettings, after: BankHardwareSettings): boolean {
  return (
    before.protocol === after.protocol &&
    before.serialPath === after.serialPath &&
    before.lockBitOpenValue === after.lockBitOpenValue &&
    before.feedbackOpenValue === after.feedbackOpenValue
  );
}
