import type { KioskClient } from '../kiosk-client.js';
import { StorageFlow } from './storage-flow.js';
import { initialStorageState, type StorageScreenState } from './storage-state.js';

/**
 * The storage flow as the screen reads it: each new state the plain flow produces lands in one
 * `$state.raw` field (replaced, never mutated), so the components redraw from it.
 */
export class StorageFlowState {
  view: StorageScreenState = $state.raw(initialStorageState());
  readonly flow: StorageFlow;

  constructor(client: KioskClient) {
    this.flow = new StorageFlow(client, (state) => {
      this.view = state;
    });
    this.view = this.flow.state;
  }
}
