import type { KioskDb } from './open-kiosk-database.js';

/** A drizzle transaction on the kiosk database: what every write function takes. */
export type KioskTx = Parameters<Parameters<KioskDb['transaction']>[0]>[0];

/** Read functions accept either the database or a transaction. */
export type KioskReader = Pick<KioskDb, 'select'>;
