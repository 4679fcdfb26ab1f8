import { mount } from 'svelte';
import App from './App.svelte';
import { createKioskClient } from './kiosk-client.js';
import { captureKeyboardWedge } from './scanning/keyboard-capture.js';
import { ScanState } from './scanning/scan-state.svelte.js';
import { AccessibleModeState } from './state/accessible-mode.svelte.js';
import { BankState } from './state/bank.svelte.js';
import { DoorAlarmState } from './state/door-alarms.svelte.js';
import type { KioskState } from './state/kiosk-state.js';
import { browserLocaleStorage, LocaleState } from './state/locale.svelte.js';
import { PublicSettingsState } from './state/public-settings.svelte.js';
import { SessionState } from './state/session.svelte.js';
import { browserClock } from './time/browser-clock.js';
import { selectTransport } from './transport/select-transport.js';

const target = document.getElementById('app');
if (!target) {
  throw new Error('index.html has no #app element to mount the kiosk UI in');
}

const clock = browserClock();
const transport = selectTransport({ globals: window, location: window.location });
const i18n = new LocaleState(browserLocaleStorage(), document.documentElement);
const client = createKioskClient(transport, () => i18n.current);
const scans = new ScanState();
// The page catches a keyboard-wedge scanner in both transports: a wedge is a keyboard, and the
// page is where its keys arrive (hardware.md "Scanners"). The bank's thresholds come with the
// public settings (no sign-in needed) and replace the defaults as soon as they are known.
const keyboard = captureKeyboardWedge({
  source: window,
  clock,
  onScan: (text) => {
    void scans.submit(text, 'keyboard');
  },
});
const state: KioskState = {
  client,
  clock,
  i18n,
  bank: new BankState(),
  alarms: new DoorAlarmState(),
  scans,
  session: new SessionState(client),
  settings: new PublicSettingsState(),
  accessible: new AccessibleModeState(document.documentElement.classList),
};
state.bank.start(client, transport);
state.alarms.start(client, () => clock.now());
state.scans.start(client);
state.session.start(transport);
state.settings.start(client, transport, (settings) => {
  keyboard.setTiming(settings.keyboardWedge);
});

mount(App, { target, props: { kiosk: state } });
