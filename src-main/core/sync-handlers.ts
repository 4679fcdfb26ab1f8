import type { SyncMethodName } from '../../src-shared/api/sync-methods.js';
import type { MethodHandlers } from '../api/dispatcher.js';
import type { KioskServices } from './services.js';

/** The sync status needs no session: the home screen shows it and it carries no secret. */
export function syncHandlers(services: KioskServices): Pick<MethodHandlers, SyncMethodName> {
  return {
    'sync.status': () => services.sync.status(),
  };
}
