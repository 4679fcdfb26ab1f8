import type { HandoverView } from '../../src-shared/api/handover-methods.js';
import type { KioskClient } from '../kiosk-client.js';

/** What the last action on one hand-over did, for the message above the list. */
export type HandoverOutcome =
  | { kind: 'cancelled'; handover: HandoverView }
  /** The door is open: the operator takes the return out and closes it. */
  | { kind: 'collecting'; handover: HandoverView }
  | { kind: 'collected'; handover: HandoverView };

export type HandoverAction = 'cancel' | 'collect';

/** What the mailroom's list shows, replaced whole on every change. */
export interface HandoverBoardSnapshot {
  /** Open hand-overs, newest first; undefined until the first answer. */
  handovers: readonly HandoverView[] | undefined;
  loading: boolean;
  loadError: string | undefined;
  /** The one action running (one at a time: a second tap never pulses a lock twice). */
  busy: { handoverId: string; action: HandoverAction } | undefined;
  actionError: string | undefined;
  outcome: HandoverOutcome | undefined;
}

export function initialBoard(): HandoverBoardSnapshot {
  return {
    handovers: undefined,
    loading: false,
    loadError: undefined,
    busy: undefined,
    actionError: undefined,
    outcome: undefined,
  };
}

/**
 * The mailroom's returns and exchanges (D3, D4): the open ones, cancelling one still awaited,
 * collecting a return from its compartment. The core says when anything moved
 * (`handover.changed`: dropped, collected, picked up), and the list is read again; a return
 * being collected counts only when the core says so, after its door closed.
 */
export class HandoverBoard {
  #snapshot: HandoverBoardSnapshot = initialBoard();
  readonly #client: KioskClient;
  readonly #session: string;
  readonly #changed: (snapshot: HandoverBoardSnapshot) => void;
  #loading: Promise<void> | undefined;
  /** A change arrived while a load ran: one more load after it, not one per change. */
  #owed = false;

  constructor(
    client: KioskClient,
    session: string,
    changed: (snapshot: HandoverBoardSnapshot) => void,
  ) {
    this.#client = client;
    this.#session = session;
    this.#changed = changed;
  }

  get snapshot(): HandoverBoardSnapshot {
    return this.#snapshot;
  }

  /** Loads the list and follows the core's changes. Returns a function that stops. */
  start(): () => void {
    const stop = this.#client.on('handover.changed', (handover) => {
      this.#followCollect(handover);
      void this.reload();
    });
    void this.reload();
    return stop;
  }

  /** Reads the list again; a call while one runs is folded into one more after it. */
  reload(): Promise<void> {
    if (this.#loading) {
      this.#owed = true;
      return this.#loading;
    }
    this.#loading = this.#loadUntilSettled().finally(() => {
      this.#loading = undefined;
    });
    return this.#loading;
  }

  /** Withdraws a hand-over still awaiting its item: the sender's code stops working. */
  async cancel(handoverId: string): Promise<void> {
    await this.#act(handoverId, 'cancel', async () => {
      const result = await this.#client.call('handover.cancel', {
        session: this.#session,
        handoverId,
      });
      return result.ok
        ? { ok: true, outcome: { kind: 'cancelled', handover: result.value } }
        : { ok: false, message: result.error.message };
    });
  }

  /** D3: opens a return's door for the mailroom; it counts as collected when the door closes. */
  async collect(handoverId: string): Promise<void> {
    await this.#act(handoverId, 'collect', async () => {
      const result = await this.#client.call('handover.collect', {
        session: this.#session,
        handoverId,
      });
      if (!result.ok) {
        return { ok: false, message: result.error.message };
      }
      // The door may already have closed (the event came first): the core's word stands.
      const done = result.value.state === 'collected';
      return {
        ok: true,
        outcome: { kind: done ? 'collected' : 'collecting', handover: result.value },
      };
    });
  }

  /** A new hand-over was created on the form: it is in the list at once, the message clears. */
  created(): void {
    this.#update({ outcome: undefined, actionError: undefined });
    void this.reload();
  }

  #followCollect(handover: HandoverView): void {
    const outcome = this.#snapshot.outcome;
    if (
      outcome?.kind === 'collecting' &&
      outcome.handover.handoverId === handover.handoverId &&
      handover.state === 'collected'
    ) {
      this.#update({ outcome: { kind: 'collected', handover } });
    }
  }

  async #act(
    handoverId: string,
    action: HandoverAction,
    run: () => Promise<{ ok: true; outcome: HandoverOutcome } | { ok: false; message: string }>,
  ): Promise<void> {
    if (this.#snapshot.busy !== undefined) {
      return;
    }
    this.#update({ busy: { handoverId, action }, actionError: undefined, outcome: undefined });
    const result = await run();
    this.#update(
      result.ok
        ? { busy: undefined, outcome: result.outcome }
        : { busy: undefined, actionError: result.message },
    );
    await this.reload();
  }

  async #loadUntilSettled(): Promise<void> {
    do {
      this.#owed = false;
      this.#update({ loading: true });
      const result = await this.#client.call('handover.list', { session: this.#session });
      this.#update(
        result.ok
          ? { loading: false, handovers: result.value, loadError: undefined }
          : { loading: false, loadError: result.error.message },
      );
    } while (this.#owed);
  }

  #update(change: Partial<HandoverBoardSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...change };
    this.#changed(this.#snapshot);
  }
}
