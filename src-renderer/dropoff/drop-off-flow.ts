import type { ScanReceived } from '../../src-shared/api/contract.js';
import type {
  CompartmentBrief,
  DepositView,
  RecipientMatch,
  ReservationView,
} from '../../src-shared/api/drop-off-methods.js';
import type { SignedInPerson } from '../../src-shared/api/session-methods.js';
import type { CompartmentSize } from '../../src-shared/domain/compartment.js';
import type { Clock } from '../../src-shared/time/clock.js';
import type { KioskClient } from '../kiosk-client.js';
import { dropOffRequest } from './drop-off-request.js';
import {
  draftFromIdentified,
  draftFromReservation,
  emptyDraft,
  emptyPlacement,
  emptySearch,
  firstPlacementChoice,
  initialDropOffState,
  stepAfterLabel,
  type DropOffHint,
  type DropOffState,
  type ParcelDraft,
  type PlacementView,
} from './drop-off-state.js';
import { handChoiceCompartments } from './hand-choice.js';
import { RecipientSearch, type RecipientSearchOutcome } from './recipient-search.js';

export interface DropOffFlowOptions {
  client: KioskClient;
  session: string;
  person: SignedInPerson;
  clock: Clock;
  /** Called with every new state (the runes wrapper stores it; tests read `state`). */
  onChange?: (state: DropOffState) => void;
}

/** Scan kinds that may be a parcel label: `unknown` too, since not every carrier is recognised. */
const labelScanKinds: ReadonlySet<ScanReceived['kind']> = new Set(['tracking_number', 'unknown']);

/**
 * The drop-off flow (D1–D10, X5) for one signed-in operator or carrier, parcel after parcel.
 * Plain TypeScript so it is tested without a page; the core decides everything that matters
 * (which door, whether it opened, whether the parcel counts), and this class only keeps track
 * of where the operator is and what the core last answered.
 *
 * Every answer is checked against what the screen is showing when it arrives: the operator
 * may have moved on (started over, chosen another size), and a late answer must not drag the
 * screen back.
 */
export class DropOffFlow {
  readonly #client: KioskClient;
  readonly #session: string;
  readonly #person: SignedInPerson;
  readonly #onChange: (state: DropOffState) => void;
  readonly #search: RecipientSearch;
  #state: DropOffState = initialDropOffState();
  #stopListening: (() => void)[] = [];
  /** Bumped when the parcel is abandoned or finished: answers about it no longer apply. */
  #parcelGeneration = 0;
  /** Bumped by every new placement choice: only the latest proposal is shown. */
  #proposalGeneration = 0;
  #handChoiceGeneration = 0;

  constructor(options: DropOffFlowOptions) {
    this.#client = options.client;
    this.#session = options.session;
    this.#person = options.person;
    this.#onChange = options.onChange ?? (() => undefined);
    this.#search = new RecipientSearch({
      clock: options.clock,
      lookUp: (query) => this.#client.call('directory.search', { session: this.#session, query }),
      onOutcome: (outcome) => {
        this.#showSearchOutcome(outcome);
      },
    });
  }

  get state(): DropOffState {
    return this.#state;
  }

  /** C2: the bank lets a parcel go in without its label. */
  get canSkipLabel(): boolean {
    return this.#state.settings?.labelScan === 'optional';
  }

  /** D8: the bank allows choosing by hand and this person may. */
  get canChooseByHand(): boolean {
    return (
      this.#state.settings?.handChoice === true &&
      this.#person.permissions.includes('parcel.choose_compartment')
    );
  }

  /** C2: the bank wants the operator to say the parcel's size before a door is proposed. */
  get sizeRequired(): boolean {
    return this.#state.settings?.sizeChoice === 'operator';
  }

  /** Follows scans and deposits, and loads the settings and reservations. */
  start(): void {
    this.#stopListening = [
      this.#client.on('scan.received', (scan) => {
        this.#onScan(scan);
      }),
      this.#client.on('deposit.changed', (deposit) => {
        this.#onDepositChanged(deposit);
      }),
    ];
    void this.load();
  }

  stop(): void {
    for (const stop of this.#stopListening) {
      stop();
    }
    this.#stopListening = [];
    this.#search.cancel();
    this.#parcelGeneration += 1;
    this.#proposalGeneration += 1;
  }

  /** The bank's drop-off settings decide which steps are asked; without them nothing starts. */
  async load(): Promise<void> {
    if (this.#state.busy) {
      return;
    }
    this.#update({ busy: 'loading', problem: undefined });
    const generation = this.#parcelGeneration;
    const [settings, reservations] = await Promise.all([
      this.#client.call('settings.get', { session: this.#session }),
      this.#client.call('dropoff.reservations', { session: this.#session }),
    ]);
    if (generation !== this.#parcelGeneration) {
      return;
    }
    if (!settings.ok) {
      this.#update({ busy: undefined, problem: problem(settings.error.message, 'load') });
      return;
    }
    this.#update({
      busy: undefined,
      settings: settings.value.dropOff,
      step: this.#state.step === 'loading' ? 'label' : this.#state.step,
      reservations: reservations.ok ? reservations.value : [],
      problem: reservations.ok ? undefined : problem(reservations.error.message, 'reservations'),
    });
  }

  /** D2, D10: a reservation from the list fills in what it knows. */
  chooseReservation(reservation: ReservationView): void {
    if (this.#state.step !== 'label' || this.#state.busy) {
      return;
    }
    this.#goToStepOf(draftFromReservation(this.#state.draft, reservation));
  }

  /** A scanned or typed label (D7): the core says the carrier, and any inbound parcel or reservation. */
  async identify(text: string): Promise<void> {
    const trimmed = text.trim();
    if (this.#state.step !== 'label' || this.#state.busy || trimmed === '') {
      return;
    }
    this.#update({ busy: 'identifying', problem: undefined });
    const generation = this.#parcelGeneration;
    const result = await this.#client.call('dropoff.identify', {
      session: this.#session,
      text: trimmed,
    });
    if (generation !== this.#parcelGeneration) {
      return;
    }
    if (!result.ok) {
      this.#update({ busy: undefined, problem: problem(result.error.message, 'identify') });
      return;
    }
    this.#update({ busy: undefined });
    this.#goToStepOf(draftFromIdentified(this.#state.draft, result.value));
  }

  /** C2: a parcel without a label, where the bank allows it. */
  skipLabel(): void {
    if (this.#state.step !== 'label' || this.#state.busy || !this.canSkipLabel) {
      return;
    }
    this.#goToStepOf({
      ...this.#state.draft,
      labelDone: true,
      trackingNumber: null,
      carrier: null,
    });
  }

  /** The recipient search box changed (debounced; stale answers are dropped). */
  search(query: string): void {
    if (this.#state.step !== 'recipient') {
      return;
    }
    this.#update({ search: { ...this.#state.search, query, searching: query.trim() !== '' } });
    this.#search.type(query);
  }

  chooseRecipient(recipient: RecipientMatch): void {
    if (this.#state.step !== 'recipient') {
      return;
    }
    this.#search.cancel();
    this.#goToStepOf({ ...this.#state.draft, recipient });
  }

  /** Back to the search: a reservation or inbound parcel named someone else, or the operator erred. */
  changeRecipient(): void {
    if (this.#state.step !== 'placement' || this.#state.busy) {
      return;
    }
    const draft = this.#state.draft;
    this.#leavePlacement();
    this.#update({
      step: 'recipient',
      draft: {
        ...draft,
        recipient: null,
        reservation: null,
        expectedParcelId: null,
        parcelSize: draft.reservation ? null : draft.parcelSize,
      },
      search: emptySearch,
      problem: undefined,
    });
  }

  /** C2: the operator says the parcel's size; the engine picks the door of that size. */
  chooseSize(size: CompartmentSize): void {
    if (!this.#canChangePlacement()) {
      return;
    }
    this.#update({ draft: { ...this.#state.draft, parcelSize: size } });
    void this.#propose({ kind: 'size', size });
  }

  /** Back to the engine's own choice after choosing a size or a door by hand. */
  chooseEngine(): void {
    if (!this.#canChangePlacement() || (this.sizeRequired && !this.#state.draft.reservation)) {
      return;
    }
    const draft = this.#state.draft;
    this.#update({ draft: { ...draft, parcelSize: draft.reservation?.size ?? null } });
    void this.#propose({ kind: 'engine' });
  }

  /** D8: lists the free compartments to choose from. */
  async showHandChoice(): Promise<void> {
    if (!this.#canChangePlacement() || !this.canChooseByHand) {
      return;
    }
    const generation = ++this.#handChoiceGeneration;
    this.#updatePlacement({ handChoice: undefined, handChoiceLoading: true });
    const result = await this.#client.call('manage.compartments', { session: this.#session });
    if (generation !== this.#handChoiceGeneration) {
      return;
    }
    if (!result.ok) {
      this.#updatePlacement({ handChoiceLoading: false });
      this.#update({ problem: problem(result.error.message, 'hand_choice') });
      return;
    }
    this.#updatePlacement({
      handChoice: handChoiceCompartments(result.value),
      handChoiceLoading: false,
    });
  }

  hideHandChoice(): void {
    this.#handChoiceGeneration += 1;
    this.#updatePlacement({ handChoice: undefined, handChoiceLoading: false });
  }

  /** D8: this compartment, if the core agrees it suits the parcel and the recipient. */
  chooseCompartment(compartment: CompartmentBrief): void {
    if (!this.#canChangePlacement() || !this.canChooseByHand) {
      return;
    }
    this.hideHandChoice();
    void this.#propose({ kind: 'compartment', compartmentId: compartment.id });
  }

  /** Opens the proposed door; the core moves on to another door by itself if one does not open. */
  async open(): Promise<void> {
    const { step, busy, placement, draft } = this.#state;
    if (step !== 'placement' || busy || placement.proposing || !placement.proposal?.ok) {
      return;
    }
    const request = placement.choice && dropOffRequest(draft, placement.choice);
    if (!request) {
      return;
    }
    this.#update({ busy: 'opening', problem: undefined });
    const generation = this.#parcelGeneration;
    const result = await this.#client.call('dropoff.start', { session: this.#session, request });
    if (generation !== this.#parcelGeneration) {
      return;
    }
    if (!result.ok) {
      this.#update({ busy: undefined, problem: problem(result.error.message, 'start') });
      // The bank changed under the proposal (a door failed, someone else took it): ask again,
      // keeping the refusal on screen so the operator knows why the door changed.
      void this.#propose(placement.choice, { keepProblem: true });
      return;
    }
    this.#leavePlacement();
    this.#update({
      busy: undefined,
      step: 'deposit',
      deposit: result.value,
      leftEmptyLabel: undefined,
    });
  }

  /** X5: the parcel does not fit; the core opens a bigger door and the old one may close empty. */
  async biggerDoor(): Promise<void> {
    const deposit = this.#state.deposit;
    if (!deposit || deposit.state !== 'door_open' || this.#state.busy) {
      return;
    }
    await this.#depositCall('dropoff.biggerDoor', 'bigger_door', deposit, (next) => ({
      leftEmptyLabel:
        next.compartment.label === deposit.compartment.label
          ? undefined
          : deposit.compartment.label,
    }));
  }

  /** check_empty: the same door opens again so the parcel can go in. */
  async reopen(): Promise<void> {
    const deposit = this.#state.deposit;
    if (!deposit || deposit.state !== 'check_empty' || this.#state.busy) {
      return;
    }
    await this.#depositCall('dropoff.reopen', 'reopening', deposit, () => ({}));
  }

  /** Nothing goes in: the core records no deposit. */
  async cancel(): Promise<void> {
    const deposit = this.#state.deposit;
    const cancellable = deposit?.state === 'door_open' || deposit?.state === 'check_empty';
    if (!deposit || !cancellable || this.#state.busy) {
      return;
    }
    await this.#depositCall('dropoff.cancel', 'cancelling', deposit, () => ({
      leftEmptyLabel: undefined,
    }));
  }

  /** The next parcel of the queue, for anyone. */
  nextParcel(): void {
    this.#newParcel(null);
  }

  /** Another parcel for the same recipient (D6: the core adds it to their compartment if allowed). */
  sameRecipient(): void {
    this.#newParcel(this.#state.draft.recipient);
  }

  /** Drops the parcel in progress (nothing opened yet) and starts from the label. */
  startOver(): void {
    if (this.#state.step === 'loading' || this.#doorInUse()) {
      return;
    }
    this.#newParcel(null);
  }

  /** After a cancel: the same parcel again, from the placement step. */
  retryParcel(): void {
    if (this.#state.deposit?.state !== 'cancelled') {
      return;
    }
    this.#update({ deposit: undefined, leftEmptyLabel: undefined, problem: undefined });
    this.#goToStepOf(this.#state.draft);
  }

  #onScan(scan: ScanReceived): void {
    if (this.#state.busy) {
      return;
    }
    const isLabel = labelScanKinds.has(scan.kind);
    // A finished deposit is where the next parcel's scan comes in: the operator works a queue.
    if (this.#state.step === 'deposit' && this.#state.deposit?.state === 'completed' && isLabel) {
      this.nextParcel();
    }
    if (this.#state.step !== 'label') {
      return;
    }
    if (!isLabel) {
      this.#update({ problem: { message: undefined, hint: 'scan_not_label' } });
      return;
    }
    void this.identify(scan.text);
  }

  #onDepositChanged(deposit: DepositView): void {
    if (this.#state.deposit?.depositId !== deposit.depositId) {
      return;
    }
    this.#update({ deposit });
  }

  async #depositCall(
    method: 'dropoff.biggerDoor' | 'dropoff.reopen' | 'dropoff.cancel',
    busy: 'bigger_door' | 'reopening' | 'cancelling',
    deposit: DepositView,
    extra: (next: DepositView) => Partial<DropOffState>,
  ): Promise<void> {
    this.#update({ busy, problem: undefined });
    const generation = this.#parcelGeneration;
    const result = await this.#client.call(method, {
      session: this.#session,
      depositId: deposit.depositId,
    });
    if (generation !== this.#parcelGeneration) {
      return;
    }
    if (!result.ok) {
      this.#update({ busy: undefined, problem: problem(result.error.message, hintFor[busy]) });
      return;
    }
    this.#update({ busy: undefined, deposit: result.value, ...extra(result.value) });
  }

  async #propose(
    choice: PlacementView['choice'],
    { keepProblem = false }: { keepProblem?: boolean } = {},
  ): Promise<void> {
    const request = choice && dropOffRequest(this.#state.draft, choice);
    const generation = ++this.#proposalGeneration;
    this.#updatePlacement({ choice, proposal: undefined, proposing: request !== undefined });
    if (!keepProblem) {
      this.#update({ problem: undefined });
    }
    if (!request) {
      return;
    }
    const result = await this.#client.call('dropoff.propose', { session: this.#session, request });
    if (generation !== this.#proposalGeneration) {
      return;
    }
    if (!result.ok) {
      this.#updatePlacement({ proposing: false });
      this.#update({ problem: problem(result.error.message, 'propose') });
      return;
    }
    this.#updatePlacement({ proposal: result.value, proposing: false });
  }

  /** Moves a draft to the first step it still needs, proposing a door when that is placement. */
  #goToStepOf(draft: ParcelDraft): void {
    const step = stepAfterLabel(draft);
    this.#update({ draft, step });
    if (step === 'placement') {
      void this.#propose(firstPlacementChoice(draft, this.#state.settings));
    }
  }

  #newParcel(recipient: RecipientMatch | null): void {
    if (this.#doorInUse() || this.#state.busy) {
      return;
    }
    this.#parcelGeneration += 1;
    this.#search.cancel();
    this.#leavePlacement();
    this.#update({
      step: 'label',
      draft: emptyDraft(recipient),
      search: emptySearch,
      deposit: undefined,
      leftEmptyLabel: undefined,
      problem: undefined,
    });
    void this.#reloadReservations();
  }

  /** The reservation just filled is gone, and new ones may have been made meanwhile. */
  async #reloadReservations(): Promise<void> {
    const generation = this.#parcelGeneration;
    const result = await this.#client.call('dropoff.reservations', { session: this.#session });
    if (generation !== this.#parcelGeneration) {
      return;
    }
    if (result.ok) {
      this.#update({ reservations: result.value });
    } else if (!this.#state.problem) {
      this.#update({ problem: problem(result.error.message, 'reservations') });
    }
  }

  #showSearchOutcome(outcome: RecipientSearchOutcome): void {
    if (this.#state.step !== 'recipient') {
      return;
    }
    if (outcome.kind === 'failed') {
      this.#update({
        search: { ...this.#state.search, searching: false },
        problem: problem(outcome.message, 'search'),
      });
      return;
    }
    this.#update({
      search: {
        query: this.#state.search.query,
        results: outcome.results,
        answeredQuery: outcome.query,
        searching: false,
      },
      problem: this.#state.problem?.hint === 'search' ? undefined : this.#state.problem,
    });
  }

  /** A door is open for this parcel, or closed on an empty compartment: it must be settled first. */
  #doorInUse(): boolean {
    const state = this.#state.deposit?.state;
    return state === 'door_open' || state === 'check_empty';
  }

  #canChangePlacement(): boolean {
    return this.#state.step === 'placement' && !this.#state.busy;
  }

  #leavePlacement(): void {
    this.#proposalGeneration += 1;
    this.#handChoiceGeneration += 1;
    this.#update({ placement: emptyPlacement });
  }

  #updatePlacement(patch: Partial<PlacementView>): void {
    this.#update({ placement: { ...this.#state.placement, ...patch } });
  }

  #update(patch: Partial<DropOffState>): void {
    this.#state = { ...this.#state, ...patch };
    this.#onChange(this.#state);
  }
}

const hintFor = {
  bigger_door: 'bigger_door',
  reopening: 'reopen',
  cancelling: 'cancel',
} as const satisfies Record<string, DropOffHint>;

function problem(message: string, hint: DropOffHint): { message: string; hint: DropOffHint } {
  return { message, hint };
}
