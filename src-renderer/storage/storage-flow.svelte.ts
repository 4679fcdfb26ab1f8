import type { Clock } from '../../src-shared/time/clock.js';
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

  constructor(client: KioskClient, clock: Clock) {
    this.flow = new StorageFlow(client, clock, (state) => {
      this.view = state;
    });
    this.view = this.flow.state;
  }
}
