import type { HandoverDropView } from '../../src-shared/api/handover-methods.js';
import type { Result } from '../../src-shared/api/result.js';
import type { KioskClient } from '../kiosk-client.js';

/** What the kiosk is waiting for; the buttons that would start a second call stay disabled. */
export type HandoverDropBusy = 'reopening' | 'cancelling';

/** Whether the drop's door stands open for the sender (the kiosk must not go home meanwhile). */
export function isDropDoorOpen(view: Pick<HandoverDropView, 'state'>): boolean {
  return view.state === 'door_open';
}

/** What the drop screen shows, replaced whole on every change. */
export interface HandoverDropSnapshot {
  view: HandoverDropView;
  busy: HandoverDropBusy | undefined;
  /** Why the last action was refused, already in the person's language. */
  error: string | undefined;
}

/** After these the drop is over: nothing the core says later about it can undo them. */
function isFinal(view: HandoverDropView): boolean {
  return view.state === 'completed' || view.state === 'cancelled';
}

/**
 * One sender's drop at the kiosk (D3, D4), from the door the code opened until the item is in
 * (or the drop is cancelled). The core watches the door and says when it closed
 * (`handover.dropChanged`, this drop only); the screen only asks for the same door again or
 * cancels, one call at a time.
 */
export class HandoverDropFlow {
  #snapshot: HandoverDropSnapshot;
  readonly #client: KioskClient;
  readonly #changed: (snapshot: HandoverDropSnapshot) => void;

  constructor(
    client: KioskClient,
    view: HandoverDropView,
    changed: (snapshot: HandoverDropSnapshot) => void,
  ) {
    this.#client = client;
    this.#changed = changed;
    this.#snapshot = { view, busy: undefined, error: undefined };
  }

  get snapshot(): HandoverDropSnapshot {
    return this.#snapshot;
  }

  /** Follows the core's changes to this drop. Returns a function that stops. */
  follow(): () => void {
    return this.#client.on('handover.dropChanged', (view) => {
      if (view.dropId === this.#snapshot.view.dropId) {
        this.#show(view);
      }
    });
  }

  /** check_empty: the same door again, to put the item in after all. */
  async reopen(): Promise<void> {
    if (this.#snapshot.view.state !== 'check_empty') {
      return;
    }
    await this.#run('reopening', () =>
      this.#client.call('handover.reopen', { dropId: this.#snapshot.view.dropId }),
    );
  }

  /**
   * check_empty only: nothing is left, the drop ends, and the sender's code keeps working until
   * its date. Never while the door is open: the item may be inside and the core refuses it.
   */
  async cancel(): Promise<void> {
    if (this.#snapshot.view.state !== 'check_empty') {
      return;
    }
    await this.#run('cancelling', () =>
      this.#client.call('handover.cancelDrop', { dropId: this.#snapshot.view.dropId }),
    );
  }

  /**
   * The screen is going away (inactivity, language…). A drop the item sensor says is empty is
   * cancelled, so the compartment is not held for nobody; an open door is left to the core,
   * which still counts the item when the door closes on it.
   */
  async leave(): Promise<void> {
    if (this.#snapshot.view.state === 'check_empty' && this.#snapshot.busy === undefined) {
      await this.cancel();
    }
  }

  async #run(busy: HandoverDropBusy, call: () => Promise<Result<HandoverDropView>>): Promise<void> {
    if (this.#snapshot.busy !== undefined) {
      return;
    }
    this.#update({ busy, error: undefined });
    const result = await call();
    if (result.ok) {
      this.#update({ busy: undefined });
      this.#show(result.value);
    } else {
      this.#update({ busy: undefined, error: result.error.message });
    }
  }

  /** A late answer (a reopen after the door already closed on the item) never undoes the end. */
  #show(view: HandoverDropView): void {
    if (isFinal(this.#snapshot.view) && !isFinal(view)) {
      return;
    }
    this.#update({ view, error: isFinal(view) ? undefined : this.#snapshot.error });
  }

  #update(change: Partial<HandoverDropSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...change };
    this.#changed(this.#snapshot);
  }
}
