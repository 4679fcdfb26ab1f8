import type { ScanReceived } from '../../src-shared/api/contract.js';
import type { Result } from '../../src-shared/api/result.js';
import type { StorageVisit } from '../../src-shared/api/storage-methods.js';
import type { CompartmentSize } from '../../src-shared/domain/compartment.js';
import type { Clock } from '../../src-shared/time/clock.js';
import type { KioskClient } from '../kiosk-client.js';
import { asksForHours, stayChoicesFor } from './storage-hours.js';
import {
  initialStorageState,
  isVisitExpired,
  type StorageBusy,
  type StorageScreenState,
} from './storage-state.js';

/**
 * A recipient's badge reaches the screens as an `unknown` scan (EMP-P10001…: not one of the
 * kiosk's own credentials). Labels, carrier QR codes and operator badges are not a storage's.
 */
const badgeScanKinds: ReadonlySet<ScanReceived['kind']> = new Set(['unknown']);

/**
 * One person's storage visit at the screen (F1, F3–F5), from the start page until they leave.
 * Plain TypeScript so it is tested without a page. The core decides everything that matters
 * (which door, whether it opened, when the storage is active, the code, the end); this keeps
 * track of where the person is and what the core last said, one call at a time.
 */
export class StorageFlow {
  readonly #client: KioskClient;
  /** For the overstay (G3): a stay passes its end while the page is open. */
  readonly #clock: Clock;
  readonly #changed: (state: StorageScreenState) => void;
  #state: StorageScreenState = initialStorageState();
  #stopListening: (() => void)[] = [];

  constructor(
    client: KioskClient,
    clock: Clock,
    changed: (state: StorageScreenState) => void = () => undefined,
  ) {
    this.#client = client;
    this.#clock = clock;
    this.#changed = changed;
  }

  get state(): StorageScreenState {
    return this.#state;
  }

  /** Follows badge scans and this visit's door, and loads what storage may offer. */
  start(): void {
    this.#stopListening = [
      this.#client.on('scan.received', (scan) => {
        void this.#onScan(scan);
      }),
      // Also how a storage ended elsewhere (its owner at another visit, an operator emptying
      // it) reaches this page: the core sends `ended` for this visit, whatever step it was at.
      this.#client.on('storage.changed', (visit) => {
        if (visit.visitId === this.#state.visit?.visitId && !this.#state.finished) {
          this.#showVisit(visit);
        }
      }),
    ];
    void this.load();
  }

  stop(): void {
    for (const stop of this.#stopListening) {
      stop();
    }
    this.#stopListening = [];
  }

  /** F1, C6: the policy and the sizes free for storage now. */
  async load(): Promise<boolean> {
    if (this.#state.busy) {
      return false;
    }
    this.#update({ busy: 'loading', error: undefined });
    const result = await this.#client.call('storage.options', {});
    if (!result.ok) {
      this.#update({ busy: undefined, error: result.error.message });
      return false;
    }
    this.#update({
      busy: undefined,
      options: result.value,
      page: this.#state.page === 'loading' ? 'start' : this.#state.page,
    });
    return true;
  }

  /** "Store something new": the sizes, counted again (someone may have taken one meanwhile). */
  async newStorage(): Promise<void> {
    if (this.#state.page !== 'start' || this.#state.busy) {
      return;
    }
    if (await this.load()) {
      this.#update({ page: 'size', size: undefined, hours: undefined });
    }
  }

  /** "I already have a storage": the code keypad (a badge works there too). */
  haveStorage(): void {
    if (this.#state.page === 'start' && !this.#state.busy) {
      this.#update({ page: 'code', error: undefined });
    }
  }

  chooseSize(size: CompartmentSize): void {
    const { page, options, busy } = this.#state;
    const free = options?.sizes.find((entry) => entry.size === size)?.available ?? 0;
    if (page !== 'size' || !options || busy || free === 0) {
      return;
    }
    if (asksForHours(options.duration)) {
      this.#update({ page: 'duration', size, hours: undefined, error: undefined });
    } else {
      // Fixed or without end: nothing to choose, the badge page says how long it lasts.
      const [hours] = stayChoicesFor(options.duration);
      this.#update({ page: 'badge', size, hours: hours ?? null, error: undefined });
    }
  }

  chooseHours(hours: number): void {
    const { page, options, busy } = this.#state;
    if (
      page !== 'duration' ||
      !options ||
      busy ||
      !stayChoicesFor(options.duration).includes(hours)
    ) {
      return;
    }
    this.#update({ page: 'badge', hours, error: undefined });
  }

  /** One page back, before any door opened. */
  back(): void {
    const { page, options, busy } = this.#state;
    if (busy) {
      return;
    }
    switch (page) {
      case 'code':
      case 'size':
        this.#update({ page: 'start', error: undefined });
        return;
      case 'duration':
        this.#update({ page: 'size', error: undefined });
        return;
      case 'badge':
        this.#update({
          page: options && asksForHours(options.duration) ? 'duration' : 'size',
          error: undefined,
        });
        return;
      default:
        return;
    }
  }

  /** F1: opens a door for the new storage; a scanned badge makes its owner known. */
  async startStorage(scanId: string | null = null): Promise<void> {
    const { page, size, hours, busy } = this.#state;
    if (page !== 'badge' || size === undefined || hours === undefined || busy) {
      return;
    }
    await this.#visitCall('starting', () =>
      this.#client.call('storage.start', { size, hours, scanId }),
    );
  }

  /** The keypad's accepted code: the core's visit for this storage (F3) or booking (F2). */
  acceptVisit(visit: StorageVisit): void {
    if (this.#state.page === 'code' && !this.#state.finished) {
      this.#showVisit(visit);
    }
  }

  /** F3 from `ready`; "open again" from `nothing_inside` and `items_left`. */
  async open(): Promise<void> {
    const visit = this.#state.visit;
    const step = visit?.step;
    if (visit && step === 'ready' && isVisitExpired(visit, this.#clock.now())) {
      return;
    }
    if (step === 'ready' || step === 'nothing_inside' || step === 'items_left') {
      await this.#onVisit('opening', (visitId) => this.#client.call('storage.open', { visitId }));
    }
  }

  /** F5: `hours` more, within the latest end the core gave. */
  async extend(hours: number): Promise<void> {
    const visit = this.#state.visit;
    if (visit?.step !== 'ready' || isVisitExpired(visit, this.#clock.now())) {
      return;
    }
    const shown = await this.#onVisit('extending', (visitId) =>
      this.#client.call('storage.extend', { visitId, hours }),
    );
    if (shown) {
      this.#update({ extendedToMs: shown.endsAtMs ?? undefined });
    }
  }

  /** F4: the door opens to take everything; the storage ends when it closes on nothing. */
  async end(): Promise<void> {
    if (this.#state.visit?.step === 'ready') {
      await this.#onVisit('ending', (visitId) => this.#client.call('storage.end', { visitId }));
    }
  }

  /** `nothing_inside`: cancel the new storage; `items_left`: keep the storage going. */
  async giveUp(): Promise<void> {
    const step = this.#state.visit?.step;
    if (step !== 'nothing_inside' && step !== 'items_left') {
      return;
    }
    const shown = await this.#onVisit('giving_up', (visitId) =>
      this.#client.call('storage.giveUp', { visitId }),
    );
    if (shown?.step === 'ended' && step === 'nothing_inside') {
      this.#update({ cancelled: true });
    }
  }

  /**
   * The person leaves (home, inactivity, language…). Doors still open are watched by the core
   * as usual; a person is never stuck on a screen waiting for its answer.
   */
  async finish(): Promise<void> {
    const visit = this.#state.visit;
    if (this.#state.finished) {
      return;
    }
    this.#update({ finished: true, newCode: undefined });
    if (visit) {
      await this.#client.call('storage.finish', { visitId: visit.visitId });
    }
  }

  async #onScan(scan: ScanReceived): Promise<void> {
    const { page, busy, finished } = this.#state;
    if (!badgeScanKinds.has(scan.kind) || busy || finished) {
      return;
    }
    if (page === 'badge') {
      await this.startStorage(scan.scanId);
    } else if (page === 'start' || page === 'code') {
      await this.#visitCall('checking_badge', () =>
        this.#client.call('storage.withScan', { scanId: scan.scanId }),
      );
    }
  }

  /** A call on the current visit, unless another one runs. */
  async #onVisit(
    busy: StorageBusy,
    call: (visitId: string) => Promise<Result<StorageVisit>>,
  ): Promise<StorageVisit | undefined> {
    const visit = this.#state.visit;
    if (!visit || this.#state.busy || this.#state.finished) {
      return undefined;
    }
    return this.#visitCall(busy, () => call(visit.visitId));
  }

  async #visitCall(
    busy: StorageBusy,
    call: () => Promise<Result<StorageVisit>>,
  ): Promise<StorageVisit | undefined> {
    this.#update({ busy, error: undefined, extendedToMs: undefined });
    const result = await call();
    if (this.#state.finished) {
      return undefined;
    }
    if (!result.ok) {
      this.#update({ busy: undefined, error: result.error.message });
      return undefined;
    }
    this.#update({ busy: undefined });
    this.#showVisit(result.value);
    return result.value;
  }

  /**
   * What the core says about a visit. An end is final: a late answer about the same visit (sent
   * before the core ended it) never brings back its buttons; its code stops working, so it
   * leaves the screen too (X3).
   */
  #showVisit(visit: StorageVisit): void {
    const shown = this.#state.visit;
    const sameVisit = visit.visitId === shown?.visitId;
    if (sameVisit && shown?.step === 'ended' && visit.step !== 'ended') {
      return;
    }
    this.#update({
      page: 'visit',
      visit,
      newCode:
        visit.step === 'ended'
          ? undefined
          : (visit.newCode ?? (sameVisit ? this.#state.newCode : undefined)),
    });
  }

  #update(change: Partial<StorageScreenState>): void {
    this.#state = { ...this.#state, ...change };
    this.#changed(this.#state);
  }
}
