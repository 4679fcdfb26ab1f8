import Database from 'better-sqlite3';
import { join } from 'node:path';
import {
  startKioskCore,
  type KioskCore,
  type KioskCoreOptions,
} from '../../../src-main/core/start-kiosk-core.js';
import { kioskMigrationsFolder } from '../../../src-main/app-root.js';
import { openKioskDatabase } from '../../../src-main/db/open-kiosk-database.js';
import type { KioskTx } from '../../../src-main/db/transaction.js';
import { silentLogger } from '../../../src-main/logging/logger.js';
import {
  kioskMethods,
  type EventPayload,
  type KioskEventName,
  type KioskMethodName,
  type MethodArgs,
  type MethodResult,
} from '../../../src-shared/api/contract.js';
import type { Result } from '../../../src-shared/api/result.js';
import type { CompartmentView } from '../../../src-shared/domain/compartment.js';
import type { HardwareProfileDocument } from '../../../src-shared/domain/hardware-profile.js';
import type { Locale } from '../../../src-shared/i18n/locales.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { demoAdminBadge, signInWithCredential } from '../../helpers/demo-session.js';
import { FakeHardware } from '../../helpers/fake-hardware.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';

export type Row = Record<string, unknown>;

/** The demo bank is seeded without a device; a profile with a lock protocol needs one. */
export const testSerialPath = '/dev/serial/by-id/usb-casier-test-adapter';

/** One recorded fact: its activity row joined to the outbox row written with it. */
export interface RecordedFact {
  type: string;
  compartmentId: string | null;
  actor: string;
  details: Record<string, unknown>;
  wallTime: number;
  /** The outbox row carrying the same activity id; undefined when there is none. */
  outbox: { id: number; name: string; hlc: string } | undefined;
  hlc: string;
}

export interface CoreHarness {
  readonly folder: ReturnType<typeof makeTempFolder>;
  readonly clock: ManualClock;
  hardware: FakeHardware;
  core: KioskCore;
  /** Every event the core pushed since start (or since `events.length = 0`). */
  readonly events: { name: string; payload: unknown }[];
  /**
   * Invokes as the signed-in admin: a method that takes `session` gets the harness's session
   * unless `args` names one (or `session: null`, to call without any).
   */
  invoke(method: KioskMethodName, args: unknown, locale?: Locale): Promise<Result<unknown>>;
  /** Invokes and returns the value; throws with the error message when refused. */
  call<M extends KioskMethodName>(method: M, args: ArgsWithoutSession<M>): Promise<MethodResult<M>>;
  /** The admin's session token (signed in by badge at each start). */
  session: string;
  /** How activity rows name that admin: `operator:<id>`. */
  actor: string;
  /** Outbox rows written before the test began (the sign-in's): a test's first row is base + 1. */
  outboxBase: number;
  /** Signs in by scanning a credential text (badge or carrier QR); returns the session token. */
  signInWithScan(text: string): Promise<string>;
  /** Signs the demo admin in (done at every start) and keeps the session as the default. */
  signInAdmin(): Promise<void>;
  eventsNamed<E extends KioskEventName>(name: E): EventPayload<E>[];
  compartments(): Promise<CompartmentView[]>;
  compartment(label: string): Promise<CompartmentView>;
  profile(): Promise<HardwareProfileDocument>;
  /** Reads the database file through a second connection: only what has been committed. */
  rows(sql: string, ...params: unknown[]): Row[];
  /**
   * Writes through a second connection, in one transaction: rows the cloud or the mailroom's
   * inbound tracking would have put there (an expected parcel, a reservation, a lockout count).
   */
  writeDatabase<T>(work: (tx: KioskTx) => T): T;
  /** Every recorded fact but the sign-ins and sign-outs (the harness signs in at each start). */
  facts(): RecordedFact[];
  factTypes(compartmentId?: string): string[];
  /** Stops the core and starts it again on the same database, with fresh fake hardware. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A method's arguments with `session` optional: the harness adds its own. */
export type ArgsWithoutSession<M extends KioskMethodName> =
  MethodArgs<M> extends { session: string }
    ? Omit<MethodArgs<M>, 'session'> & { session?: string | null }
    : MethodArgs<M>;

function takesSession(method: KioskMethodName): boolean {
  const args = kioskMethods[method].args as unknown as { shape?: Record<string, unknown> };
  return args.shape !== undefined && 'session' in args.shape;
}

export interface CoreHarnessOptions {
  startMs?: number;
  hardware?: FakeHardware;
  coreOptions?: Partial<KioskCoreOptions>;
}

/**
 * The kiosk core as production assembles it (startKioskCore on a real SQLite file of the demo
 * bank), with in-memory hardware and a manual clock: what the door-truth tests drive.
 */
export async function startCoreHarness(options: CoreHarnessOptions = {}): Promise<CoreHarness> {
  const folder = makeTempFolder();
  const clock = new ManualClock(options.startMs ?? Date.UTC(2026, 10, 25, 8, 0));
  const events: { name: string; payload: unknown }[] = [];
  const file = join(folder.path, 'kiosk.sqlite');

  async function start(hardware: FakeHardware): Promise<KioskCore> {
    const core = await startKioskCore({
      dataDir: folder.path,
      demo: true,
      hardware,
      clock,
      logger: silentLogger(),
      serialPath: testSerialPath,
      ...options.coreOptions,
    });
    core.transport.subscribe((name, payload) => events.push({ name, payload }));
    return core;
  }

  function withSession(method: KioskMethodName, args: unknown): unknown {
    if (!takesSession(method) || typeof args !== 'object' || args === null) {
      return args;
    }
    const given = (args as { session?: string | null }).session;
    if (given === null) {
      const { session: _omitted, ...rest } = args as Record<string, unknown>;
      return rest;
    }
    return { ...args, session: given ?? harness.session };
  }

  function rows(sql: string, ...params: unknown[]): Row[] {
    const reader = new Database(file, { readonly: true });
    try {
      return reader.prepare(sql).all(...params) as Row[];
    } finally {
      reader.close();
    }
  }

  function writeDatabase<T>(work: (tx: KioskTx) => T): T {
    const writer = openKioskDatabase({ file, migrationsFolder: kioskMigrationsFolder() });
    try {
      return writer.db.transaction(work);
    } finally {
      writer.close();
    }
  }

  const harness: CoreHarness = {
    folder,
    clock,
    hardware: options.hardware ?? new FakeHardware(),
    core: undefined as unknown as KioskCore,
    events,
    session: '',
    actor: '',
    outboxBase: 0,
    invoke: (method, args, locale = 'en') =>
      harness.core.transport.invoke(method, withSession(method, args), locale),
    async call(method, args) {
      const result = await harness.core.transport.invoke(method, withSession(method, args), 'en');
      if (!result.ok) {
        throw new Error(`${method} refused: ${result.error.code} ${result.error.message}`);
      }
      return result.value as MethodResult<typeof method>;
    },
    eventsNamed: <E extends KioskEventName>(name: E) =>
      events
        .filter((event) => event.name === name)
        .map((event) => event.payload as EventPayload<E>),
    async compartments() {
      return (await harness.call('bank.overview', {})).compartments;
    },
    async compartment(label) {
      const found = (await harness.compartments()).find((view) => view.label === label);
      if (!found) {
        throw new Error(`no compartment labelled ${label}`);
      }
      return found;
    },
    profile: () => harness.call('hardware.profile.get', {}),
    async signInWithScan(text) {
      return (await signInWithCredential(harness.core.transport, text)).session;
    },
    async signInAdmin() {
      const info = await signInWithCredential(harness.core.transport, demoAdminBadge);
      harness.session = info.session;
      harness.actor = `operator:${info.person.id}`;
      // What the sign-in itself pushed and wrote is the harness's business, not the test's.
      events.length = 0;
      harness.outboxBase = Number(rows('SELECT count(*) AS n FROM sync_outbox')[0]?.['n'] ?? 0);
    },
    rows,
    writeDatabase,
    facts: () =>
      rows(
        `SELECT a.type, a.compartment_id AS compartmentId, a.actor, a.details, a.wall_time AS wallTime,
                a.hlc, o.id AS outboxId, o.name AS outboxName, o.hlc AS outboxHlc
           FROM activity_log a
           LEFT JOIN sync_outbox o ON json_extract(o.args, '$.activityId') = a.id
          WHERE a.type NOT LIKE 'session.%'
          ORDER BY a.hlc`,
      ).map((row) => ({
        type: row['type'] as string,
        compartmentId: row['compartmentId'] as string | null,
        actor: row['actor'] as string,
        details: JSON.parse(row['details'] as string) as Record<string, unknown>,
        wallTime: row['wallTime'] as number,
        hlc: row['hlc'] as string,
        outbox:
          row['outboxId'] === null
            ? undefined
            : {
                id: row['outboxId'] as number,
                name: row['outboxName'] as string,
                hlc: row['outboxHlc'] as string,
              },
      })),
    factTypes: (compartmentId) =>
      harness
        .facts()
        .filter((fact) => compartmentId === undefined || fact.compartmentId === compartmentId)
        .map((fact) => fact.type),
    async restart() {
      await harness.core.stop();
      harness.hardware = new FakeHardware();
      harness.core = await start(harness.hardware);
      await harness.signInAdmin();
    },
    async stop() {
      await harness.core.stop();
      folder.remove();
    },
  };
  harness.core = await start(harness.hardware);
  await harness.signInAdmin();
  return harness;
}

/** The profile with some settings changed, saved through the dispatcher. */
export async function saveSettings(
  harness: CoreHarness,
  changes: Partial<HardwareProfileDocument['settings']>,
): Promise<HardwareProfileDocument> {
  const profile = await harness.profile();
  return harness.call('hardware.profile.save', {
    profile: { ...profile, settings: { ...profile.settings, ...changes } },
  });
}
