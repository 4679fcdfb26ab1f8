import type { SyncStatus } from '../../src-shared/api/sync-methods.js';
import type { KioskClient } from '../kiosk-client.js';

/** The core's sync status: read once, then kept current by `sync.statusChanged`. */
export class SyncStatusState {
  status: SyncStatus | undefined = $state.raw(undefined);

  /** Returns a function that stops following. */
  start(client: KioskClient): () => void {
    let heardEvent = false;
    const stop = client.on('sync.statusChanged', (status) => {
      heardEvent = true;
      this.status = status;
    });
    void client.call('sync.status', {}).then((result) => {
      // An event that arrived meanwhile is newer than this answer.
      if (result.ok && !heardEvent) {
        this.status = result.value;
      }
    });
    return stop;
  }
}
