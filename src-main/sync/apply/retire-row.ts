import type { KioskTx } from '../../db/transaction.js';

/**
 * A row the cloud deleted: gone when nothing references it; otherwise deactivated, because
 * parcels, badges and the activity log still point at it. The delete runs in a savepoint, so a
 * refused one undoes only itself, not the page.
 */
export function deleteOrDeactivate(
  tx: KioskTx,
  remove: (savepoint: KioskTx) => void,
  deactivate: () => void,
): void {
  try {
    tx.transaction((savepoint) => {
      remove(savepoint);
    });
  } catch (error) {
    if (!isForeignKeyRefusal(error)) {
      throw error;
    }
    deactivate();
  }
}

function isForeignKeyRefusal(error: unknown): boolean {
  const cause = (error as { cause?: unknown }).cause ?? error;
  return (cause as { code?: unknown }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}
