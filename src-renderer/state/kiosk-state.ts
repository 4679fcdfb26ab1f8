import type { BankState } from './bank.svelte.js';
import type { CommissioningState } from '../commissioning/commissioning-state.svelte.js';
import type { DoorAlarmState } from './door-alarms.svelte.js';
import type { LocaleState } from './locale.svelte.js';
import type { ScanState } from '../scanning/scan-state.svelte.js';
import type { ServiceChangeState } from './service-change.svelte.js';
import type { UnlockState } from './unlock.svelte.js';

/** Everything the screens show and act through, created once in main.ts. */
export interface KioskState {
  i18n: LocaleState;
  bank: BankState;
  unlock: UnlockState;
  services: ServiceChangeState;
  alarms: DoorAlarmState;
  scans: ScanState;
  commissioning: CommissioningState;
}
