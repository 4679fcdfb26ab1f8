import type { KioskDatabase } from '../../src-main/db/open-kiosk-database.js';
import { findOnlyBank, listCompartments } from '../../src-main/db/queries/compartments.js';
import { recordAction } from '../../src-main/db/queries/record-action.js';
import { seedDemoBank } from '../../src-main/db/seed-demo-bank.js';
import { openTestKioskDatabase } from '../helpers/kiosk-database.js';
import { makeTempFolder } from '../helpers/temp-folder.js';
import { figure, microsecondsPerOperation, type BenchFigure } from './harness.js';

/**
 * Cost of committing one business action (activity row + outbox row + mutation id, one
 * transaction, WAL with synchronous=FULL) against the bare cost of committing a one-row insert
 * on the same file with the same pragmas: the ratio is what our write path adds.
 */
export async function benchBusinessAction(): Promise<BenchFigure> {
  const folder = makeTempFolder('casier-bench-');
  let database: KioskDatabase | undefined;
  try {
    database = openTestKioskDatabase(folder.path);
    const { db, sqlite } = database;
    seedDemoBank(db, Date.now());
    const bank = findOnlyBank(db)!;
    const compartment = listCompartments(db, bank.id)[0]!;
    sqlite.exec(
      'CREATE TABLE bench_baseline (id INTEGER PRIMARY KEY, payload TEXT NOT NULL) STRICT',
    );
    const insertBaseline = sqlite.prepare('INSERT INTO bench_baseline (payload) VALUES (?)');
    const baselineTransaction = sqlite.transaction(() => insertBaseline.run('{"label":"1"}'));

    const baseline = await microsecondsPerOperation(() => baselineTransaction());
    const value = await microsecondsPerOperation(() =>
      db.transaction((tx) =>
        recordAction(
          tx,
          {
            bankId: bank.id,
            type: 'compartment.unlock_requested',
            compartmentId: compartment.id,
            actor: 'bench',
            details: { label: compartment.label, board: 0, channel: 1 },
          },
          Date.now(),
        ),
      ),
    );
    return figure(
      value,
      baseline,
      'µs/op',
      'commit of one business action (activity + outbox + mutation id) vs a bare one-row insert transaction, same file and pragmas',
    );
  } finally {
    database?.close();
    folder.remove();
  }
}
