import type { Clock } from '../../src-shared/time/clock.js';
import type { KioskClient } from '../kiosk-client.js';
import type { ScanState } from '../scanning/scan-state.svelte.js';
import type { AccessibleModeState } from './accessible-mode.svelte.js';
import type { BankState } from './bank.svelte.js';
import type { DoorAlarmState } from './door-alarms.svelte.js';
import type { LocaleState } from './locale.svelte.js';
import type { PublicSettingsState } from './public-settings.svelte.js';
import type { SessionState } from './session.svelte.js';

/** Everything the screens show and act through, created once in main.ts. */
export interface KioskState {
  client: KioskClient;
  clock: Clock;
  i18n: LocaleState;
  bank: BankState;
  alarms: DoorAlarmState;
  scans: ScanState;
  session: SessionState;
  settings: PublicSettingsState;
  accessible: AccessibleModeState;
}
