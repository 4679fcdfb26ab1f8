import { SvelteSet } from 'svelte/reactivity';
import type { CompartmentView, ServiceState } from '../../src-shared/domain/compartment.js';
import type { KioskClient } from '../kiosk-client.js';
import type { ServiceChange } from './apply-bank-event.js';

/**
 * Operators taking compartments out of service and putting them back (G4). The answer is shown at
 * once through `onChanged`; the `compartment.changed` event that follows changes nothing more.
 */
export class ServiceChangeState {
  readonly changing = new SvelteSet<string>();
  /** Why the last change was refused, already translated by the core. */
  lastError: string | undefined = $state.raw(undefined);
  readonly #client: KioskClient;
  readonly #onChanged: (change: ServiceChange) => void;

  constructor(client: KioskClient, onChanged: (change: ServiceChange) => void) {
    this.#client = client;
    this.#onChanged = onChanged;
  }

  async setService(compartment: Pick<CompartmentView, 'id'>, service: ServiceState): Promise<void> {
    if (this.changing.has(compartment.id)) {
      return;
    }
    this.changing.add(compartment.id);
    try {
      const result = await this.#client.call('compartment.setService', {
        compartmentId: compartment.id,
        service,
      });
      if (result.ok) {
        this.lastError = undefined;
        this.#onChanged(result.value);
      } else {
        this.lastError = result.error.message;
      }
    } finally {
      this.changing.delete(compartment.id);
    }
  }
}
