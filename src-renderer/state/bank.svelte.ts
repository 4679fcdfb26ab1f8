import type { BankOverview } from '../../src-shared/api/contract.js';
import type { KioskClient } from '../kiosk-client.js';
import type { ConnectionState } from '../transport/renderer-transport.js';
import type { BankEvent } from './apply-bank-event.js';
import { startBankFeed, type BankFeed, type ConnectionSource } from './bank-feed.js';

/**
 * The bank as the screen shows it. The overview is API data replaced whole on every change, so it
 * is raw state (no deep proxy). The logic lives in bank-feed.ts; this class only stores.
 */
export class BankState {
  overview: BankOverview | undefined = $state.raw(undefined);
  /** Why the last overview request failed, already translated. */
  loadError: string | undefined = $state.raw(undefined);
  connection: ConnectionState = $state('connecting');
  #feed: BankFeed | undefined;

  /** Starts loading and following the bank. Returns a function that stops. */
  start(client: KioskClient, connectionSource: ConnectionSource): () => void {
    const feed = startBankFeed(client, connectionSource, {
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
    this.#feed = feed;
    return () => {
      feed.stop();
    };
  }

  /** Fetches the overview again, e.g. after the hardware profile changed the compartments. */
  reload(): void {
    this.#feed?.reload();
  }

  /** A change learnt from a call's answer, shown at once rather than when its event arrives. */
  apply(bankEvent: BankEvent): void {
    this.#feed?.apply(bankEvent);
  }
}
