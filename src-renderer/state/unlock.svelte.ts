import { SvelteSet } from 'svelte/reactivity';
import type { CompartmentView } from '../../src-shared/domain/compartment.js';
import type { KioskClient } from '../kiosk-client.js';
import { unlockMessageFor, type UnlockMessage } from './unlock-message.js';

/**
 * Open requests from the operator screen: which compartments are being opened right now and what
 * the last request ended with. Whether a door may open is the core's decision, not this one's.
 */
export class UnlockState {
  readonly opening = new SvelteSet<string>();
  lastMessage: UnlockMessage | undefined = $state.raw(undefined);
  readonly #client: KioskClient;

  constructor(client: KioskClient) {
    this.#client = client;
  }

  async open(compartment: Pick<CompartmentView, 'id' | 'label'>): Promise<void> {
    // One request per door at a time: a second tap while waiting must not send a second pulse.
    if (this.opening.has(compartment.id)) {
      return;
    }
    this.opening.add(compartment.id);
    try {
      const result = await this.#client.call('compartment.open', {
        compartmentId: compartment.id,
      });
      this.lastMessage = unlockMessageFor(result);
    } finally {
      this.opening.delete(compartment.id);
    }
  }
}
