import { mount } from 'svelte';
import App from './App.svelte';
import { CommissioningState } from './commissioning/commissioning-state.svelte.js';
import { createKioskClient } from './kiosk-client.js';
import { captureKeyboardWedge } from './scanning/keyboard-capture.js';
import { ScanState } from './scanning/scan-state.svelte.js';
import { BankState } from './state/bank.svelte.js';
import { DoorAlarmState } from './state/door-alarms.svelte.js';
import type { KioskState } from './state/kiosk-state.js';
import { browserLocaleStorage, LocaleState } from './state/locale.svelte.js';
import { ServiceChangeState } from './state/service-change.svelte.js';
import { UnlockState } from './state/unlock.svelte.js';
import { browserClock } from './time/browser-clock.js';
import { followConnection } from './transport/follow-connection.js';
import { selectTransport } from './transport/select-transport.js';

const target = document.getElementById('app');
if (!target) {
  throw new Error('index.html has no #app element to mount the kiosk UI in');
}

const clock = browserClock();
const transport = selectTransport({ globals: window, location: window.location });
const i18n = new LocaleState(browserLocaleStorage(), document.documentElement);
const client = createKioskClient(transport, () => i18n.current);
const bank = new BankState();
// The page catches a keyboard-wedge scanner in both transports: a wedge is a keyboard, and the
// page is where its keys arrive (hardware.md "Scanners"). The bank's thresholds replace the
// defaults once the profile is read, and again when it is saved.
const keyboard = captureKeyboardWedge({
  source: window,
  clock,
  onScan: (text) => {
    void state.scans.submit(text, 'keyboard');
  },
});
const state: KioskState = {
  i18n,
  bank,
  unlock: new UnlockState(client),
  services: new ServiceChangeState(client, (change) => {
    bank.apply({ event: 'service.changed', payload: change });
  }),
  alarms: new DoorAlarmState(),
  scans: new ScanState(),
  commissioning: new CommissioningState(client, (profile) => {
    bank.reload();
    keyboard.setTiming(profile.settings.keyboardWedge);
  }),
};
bank.start(client, transport);
state.alarms.start(client, () => clock.now());
state.scans.start(client);
// On every (re)connection: a call while disconnected fails at once, and the profile may have
// been saved from another page meanwhile.
followConnection(transport, () => {
  void client.call('hardware.profile.get', {}).then((profile) => {
    if (profile.ok) {
      keyboard.setTiming(profile.value.settings.keyboardWedge);
    }
  });
});

mount(App, { target, props: { kiosk: state } });
