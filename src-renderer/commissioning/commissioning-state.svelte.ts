import { SvelteMap } from 'svelte/reactivity';
import type { CommissioningCheck } from '../../src-shared/api/contract.js';
import type { HardwareProfileDocument } from '../../src-shared/domain/hardware-profile.js';
import type { KioskClient } from '../kiosk-client.js';
import { downloadLabelSheet } from './label-download.js';

export type SaveStatus = 'idle' | 'saving' | 'saved';

/**
 * The commissioning screen's data (issue 3, X7, C1): the hardware profile being edited, the
 * commissioning walk's results, and the label sheet. The core validates and stores; this class
 * only holds what the operator typed and what the core answered (errors already translated).
 */
export class CommissioningState {
  /** The profile as the operator is editing it; undefined until loaded. */
  draft: HardwareProfileDocument | undefined = $state(undefined);
  saveStatus: SaveStatus = $state('idle');
  /** Why the last load, save, pulse or print was refused, already translated by the core. */
  error: string | undefined = $state.raw(undefined);
  readonly results = new SvelteMap<string, CommissioningCheck>();
  /** The compartment being pulsed right now, if any. */
  pulsing: string | undefined = $state(undefined);
  walking = $state(false);
  printing = $state(false);
  /** The profile as stored, to tell an edited draft from it. */
  #stored = $state.raw('');
  readonly #client: KioskClient;
  /** The signed-in operator's token: every commissioning method needs `hardware.commission`. */
  readonly #session: string;
  readonly #profileSaved: (profile: HardwareProfileDocument) => void;
  #stopWalk = false;

  /** `profileSaved` runs after a successful save (the bank reloads its compartments). */
  constructor(
    client: KioskClient,
    session: string,
    profileSaved: (profile: HardwareProfileDocument) => void,
  ) {
    this.#client = client;
    this.#session = session;
    this.#profileSaved = profileSaved;
  }

  async load(): Promise<void> {
    const [profile, results] = await Promise.all([
      this.#client.call('hardware.profile.get', { session: this.#session }),
      this.#client.call('commissioning.results', { session: this.#session }),
    ]);
    if (!profile.ok) {
      this.error = profile.error.message;
      return;
    }
    this.draft = profile.value;
    this.#stored = JSON.stringify(profile.value);
    this.saveStatus = 'idle';
    this.error = results.ok ? undefined : results.error.message;
    this.results.clear();
    for (const check of results.ok ? results.value : []) {
      this.results.set(check.compartmentId, check);
    }
  }

  /**
   * The draft differs from the stored profile. Pulses drive the stored wiring, so the walk waits
   * for a save: otherwise the person walking the bank would check doors against labels and
   * locks that are not in force.
   */
  get edited(): boolean {
    return this.draft !== undefined && JSON.stringify(this.draft) !== this.#stored;
  }

  async save(): Promise<void> {
    if (!this.draft || this.saveStatus === 'saving') {
      return;
    }
    this.saveStatus = 'saving';
    const result = await this.#client.call('hardware.profile.save', {
      session: this.#session,
      profile: $state.snapshot(this.draft),
    });
    if (!result.ok) {
      this.saveStatus = 'idle';
      this.error = result.error.message;
      return;
    }
    this.draft = result.value;
    this.#stored = JSON.stringify(result.value);
    this.error = undefined;
    this.saveStatus = 'saved';
    // Saving may have cleared earlier results (a lock moved, the polarity changed).
    const results = await this.#client.call('commissioning.results', { session: this.#session });
    if (results.ok) {
      this.results.clear();
      for (const check of results.value) {
        this.results.set(check.compartmentId, check);
      }
    }
    this.#profileSaved(result.value);
  }

  /** Pulses one door and records whether it was seen open. */
  async pulse(compartmentId: string): Promise<boolean> {
    if (this.pulsing !== undefined) {
      return false;
    }
    this.pulsing = compartmentId;
    try {
      const result = await this.#client.call('commissioning.pulse', {
        session: this.#session,
        compartmentId,
      });
      if (!result.ok) {
        this.error = result.error.message;
        return false;
      }
      this.error = undefined;
      this.results.set(compartmentId, result.value);
      return true;
    } finally {
      this.pulsing = undefined;
    }
  }

  /**
   * The commissioning walk: each door in turn, one at a time, so the person walking along the
   * bank sees which door moved. Stops at the first refusal (the bus down, say) or when asked.
   */
  async walk(compartmentIds: readonly string[]): Promise<void> {
    if (this.walking) {
      return;
    }
    this.walking = true;
    this.#stopWalk = false;
    try {
      for (const compartmentId of compartmentIds) {
        if (this.#stopWalk || !(await this.pulse(compartmentId))) {
          break;
        }
      }
    } finally {
      this.walking = false;
    }
  }

  stopWalk(): void {
    this.#stopWalk = true;
  }

  async printLabels(): Promise<void> {
    if (this.printing) {
      return;
    }
    this.printing = true;
    try {
      const result = await this.#client.call('commissioning.labels', { session: this.#session });
      if (!result.ok) {
        this.error = result.error.message;
        return;
      }
      this.error = undefined;
      downloadLabelSheet(result.value);
    } finally {
      this.printing = false;
    }
  }
}
