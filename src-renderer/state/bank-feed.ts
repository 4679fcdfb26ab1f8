import type { BankOverview } from '../../src-shared/api/contract.js';
import type { KioskClient } from '../kiosk-client.js';
import type { ConnectionState, RendererTransport } from '../transport/renderer-transport.js';
import { applyBankEvent, applyBankEvents, type BankEvent } from './apply-bank-event.js';

export type ConnectionSource = Pick<RendererTransport, 'connectionState' | 'onConnectionChange'>;

/** Where the feed reports to (the screen's state; a recorder in tests). */
export interface BankFeedListener {
  overview(overview: BankOverview): void;
  /** The overview request failed; the message is already translated. */
  loadFailed(message: string): void;
  connection(state: ConnectionState): void;
}

export interface BankFeed {
  /** Fetches the overview again (after a saved hardware profile changed the compartments). */
  reload(): void;
  /** Applies a change learnt from a call's answer rather than from a pushed event. */
  apply(bankEvent: BankEvent): void;
  stop(): void;
}

/**
 * Keeps a bank overview current: fetched from the core when connected, updated by pushed door,
 * hardware and compartment events, and fetched again after every reconnect (events sent while
 * the socket was down are lost, so only a fresh overview can be trusted). Plain TypeScript so it
 * is tested without a DOM; `BankState` only stores what it reports.
 */
export function startBankFeed(
  client: KioskClient,
  connectionSource: ConnectionSource,
  listener: BankFeedListener,
): BankFeed {
  let current: BankOverview | undefined;
  let loadGeneration = 0;
  /** Events that arrive while an overview request is in flight, replayed onto its answer. */
  let eventsDuringLoad: BankEvent[] | undefined;
  let stopped = false;

  async function load(): Promise<void> {
    loadGeneration += 1;
    const generation = loadGeneration;
    const buffered: BankEvent[] = [];
    eventsDuringLoad = buffered;
    const result = await client.call('bank.overview', {});
    if (stopped || generation !== loadGeneration) {
      // Stopped, or a newer request (after a reconnect) is on its way and its answer counts.
      return;
    }
    eventsDuringLoad = undefined;
    if (result.ok) {
      current = applyBankEvents(result.value, buffered);
      listener.overview(current);
    } else {
      listener.loadFailed(result.error.message);
    }
  }

  function receive(bankEvent: BankEvent): void {
    eventsDuringLoad?.push(bankEvent);
    if (!current) {
      return;
    }
    const next = applyBankEvent(current, bankEvent);
    if (next !== current) {
      current = next;
      listener.overview(next);
    }
  }

  const stops = [
    client.on('door.changed', (payload) => {
      receive({ event: 'door.changed', payload });
    }),
    client.on('hardware.changed', (payload) => {
      receive({ event: 'hardware.changed', payload });
    }),
    client.on('compartment.changed', (payload) => {
      receive({ event: 'compartment.changed', payload });
    }),
    connectionSource.onConnectionChange((state) => {
      listener.connection(state);
      if (state === 'connected') {
        void load();
      }
    }),
  ];

  listener.connection(connectionSource.connectionState);
  if (connectionSource.connectionState === 'connected') {
    void load();
  }

  return {
    reload: () => {
      if (!stopped && connectionSource.connectionState === 'connected') {
        void load();
      }
    },
    apply: (bankEvent) => {
      if (!stopped) {
        receive(bankEvent);
      }
    },
    stop: () => {
      stopped = true;
      for (const stop of stops) {
        stop();
      }
    },
  };
}
