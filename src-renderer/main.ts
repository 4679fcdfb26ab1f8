import { mount } from 'svelte';
import App from './App.svelte';
import { createKioskClient } from './kiosk-client.js';
import { BankState } from './state/bank.svelte.js';
import { browserLocaleStorage, LocaleState } from './state/locale.svelte.js';
import { UnlockState } from './state/unlock.svelte.js';
import { selectTransport } from './transport/select-transport.js';

const target = document.getElementById('app');
if (!target) {
  throw new Error('index.html has no #app element to mount the kiosk UI in');
}

const transport = selectTransport({ globals: window, location: window.location });
const i18n = new LocaleState(browserLocaleStorage(), document.documentElement);
const client = createKioskClient(transport, () => i18n.current);
const bank = new BankState();
const unlock = new UnlockState(client);
bank.start(client, transport);

mount(App, { target, props: { i18n, bank, unlock } });
