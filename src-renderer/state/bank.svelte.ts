import type { BankOverview } from '../../src-shared/api/contract.js';
import type { KioskClient } from '../kiosk-client.js';
import type { ConnectionState } from '../transport/renderer-transport.js';
import { startBankFeed, type ConnectionSource } from './bank-feed.js';

/**
 * The bank as the screen shows it. The overview is API data replaced whole on every change, so it
 * is raw state (no deep proxy). The logic lives in bank-feed.ts; this class only stores.
 */
export class BankState {
  overview: BankOverview | undefined = $state.raw(undefined);
  /** Why the last overview request failed, already translated. */
  loadError: string | undefined = $state.raw(undefined);
  connection: ConnectionState = $state('connecting');

  /** Starts loading and following the bank. Returns a function that stops. */
  start(client: KioskClient, connectionSource: ConnectionSource): () => void {
    return startBankFeed(client, connectionSource, {
      overview: (overview) => {
        this.overview = overview;
        this.loadError = undefined;
      },
      loadFailed: (message) => {
        this.loadError = message;
      },
      connection: (state) => {
        this.connection = state;
      },
    });
  }
}
