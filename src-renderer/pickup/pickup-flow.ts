import type { PickupView } from '../../src-shared/api/pickup-methods.js';
import type { KioskClient } from '../kiosk-client.js';

/** What the pickup screen shows, replaced whole on every change. */
export interface PickupSnapshot {
  view: PickupView;
  /** The parcels whose doors are being opened right now (the call is running). */
  opening: readonly string[];
  /** Why the last opening was refused, already translated by the core. */
  error: string | undefined;
  finished: boolean;
}

/**
 * One recipient's pickup, from the view the code or scan returned until "Done" (E1–E4, X4). The
 * core owns the parcels' states; this follows them (`pickup.changed` for this pickup only) and
 * runs one opening at a time, so two quick taps never pulse a lock twice.
 */
export class PickupFlow {
  #snapshot: PickupSnapshot;
  readonly #client: KioskClient;
  readonly #changed: (snapshot: PickupSnapshot) => void;

  constructor(client: KioskClient, view: PickupView, changed: (snapshot: PickupSnapshot) => void) {
    this.#client = client;
    this.#changed = changed;
    this.#snapshot = { view, opening: [], error: undefined, finished: false };
  }

  get snapshot(): PickupSnapshot {
    return this.#snapshot;
  }

  /** Follows the core's changes to this pickup. Returns a function that stops. */
  follow(): () => void {
    return this.#client.on('pickup.changed', (view) => {
      if (view.pickupId === this.#snapshot.view.pickupId) {
        this.#update({ view });
      }
    });
  }

  /** Opens (or re-opens, X4) these parcels' doors; ignored while another opening runs. */
  async open(parcelIds: readonly string[]): Promise<void> {
    if (parcelIds.length === 0 || this.#snapshot.opening.length > 0 || this.#snapshot.finished) {
      return;
    }
    this.#update({ opening: [...parcelIds], error: undefined });
    const result = await this.#client.call('pickup.open', {
      pickupId: this.#snapshot.view.pickupId,
      parcelIds: [...parcelIds],
    });
    this.#update(
      result.ok
        ? { opening: [], view: result.value }
        : { opening: [], error: result.error.message },
    );
  }

  /**
   * The recipient is done. The screen thanks them whatever the core answers: doors left open
   * are watched by the core as usual, and a recipient must never be stuck on a screen.
   */
  async finish(): Promise<void> {
    if (this.#snapshot.finished) {
      return;
    }
    this.#update({ finished: true, error: undefined });
    await this.#client.call('pickup.finish', { pickupId: this.#snapshot.view.pickupId });
  }

  #update(change: Partial<PickupSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...change };
    this.#changed(this.#snapshot);
  }
}
