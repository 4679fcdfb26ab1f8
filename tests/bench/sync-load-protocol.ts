import type { BenchBank } from './sync-bench-banks.js';

/**
 * Messages between the fan-in bench and its load generator (sync-load-child.ts, a separate
 * process so the load does not share an event loop with the server it measures).
 */
export interface LoadStepRequest {
  type: 'step';
  /** Base URL of the server under load (the cloud, or the bare baseline endpoint). */
  serverUrl: string;
  /** The banks of this step; a bank seen in an earlier step carries on from its own state. */
  banks: BenchBank[];
  /** Each bank syncs once per period, banks spread evenly over it. */
  periodMs: number;
  /** Syncs in the first period (the ramp) are not measured. */
  rampMs: number;
  measureMs: number;
  mutationsPerSync: number;
}

export interface LoadStepResult {
  type: 'result';
  banks: number;
  /**
   * Latency in milliseconds of every push (from its scheduled time) and of every short pull
   * of the syncs scheduled in the measured window.
   */
  pushLatenciesMs: number[];
  pullLatenciesMs: number[];
  /** Syncs (push + pull) completed in the measured window, and how many were scheduled. */
  syncsDone: number;
  syncsScheduled: number;
  /**
   * Fact mutations the server acknowledged, and the banks wrote, since the load generator
   * started (all steps): the server must hold at least the first and at most the second.
   */
  mutationsAcked: number;
  mutationsWritten: number;
  errorCount: number;
  /** The first few errors, for the figure's note. */
  errors: string[];
  /** Long-polls that were still open when their bank's next sync came. */
  longPollsOverrun: number;
}

export interface LoadStepFailure {
  type: 'failure';
  message: string;
}

export type LoadChildMessage = LoadStepResult | LoadStepFailure;
