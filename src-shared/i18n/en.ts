import { codesMessages } from './features/codes.js';
import { allocationMessages } from './features/allocation.js';
import { commissioningMessages } from './features/commissioning.js';
import { commissioningScreenMessages } from './features/commissioning-screen.js';
import { doorsMessages } from './features/doors.js';
import { operatorScreenMessages } from './features/operator-screen.js';
import { scanningMessages } from './features/scanning.js';
import { flowsMessages } from './features/flows.js';
import { notificationsMessages } from './features/notifications.js';
import { settingsScreenMessages } from './features/settings-screen.js';
import { managementScreenMessages } from './features/management-screen.js';
import { dropOffScreenMessages } from './features/drop-off-screen.js';
import { pickupScreenMessages } from './features/pickup-screen.js';
import { kioskShellMessages } from './features/kiosk-shell.js';
import { storageMessages } from './features/storage.js';
import { storageScreenMessages } from './features/storage-screen.js';
import { handoverMessages } from './features/handovers.js';
import { handoverScreenMessages } from './features/handover-screen.js';
import { syncMessages } from './features/sync.js';

/**
 * English catalogue: the source of every message key. `{name}` marks a parameter.
 * French (fr.ts) must define exactly the same keys; the typecheck and a test enforce it.
 * Features keep their messages in features/*.ts (both languages side by side).
 */
const kioskMessages = {
  'app.title': 'Casier',
  'app.connecting': 'Connecting to the locker bank…',
  'app.disconnected': 'Connection to the locker bank lost. Retrying…',
  'app.connected': 'Connected to the locker bank',
  'connection.unavailable':
    'Not connected to the locker bank. Wait for the connection to come back, then try again.',
  'connection.call_interrupted':
    'The connection to the locker bank was lost before it answered. Check the door before trying again.',
  'language.switch': 'Français',
  'language.current': 'English',
  'compartment.label': 'Compartment {label}',
  'compartment.size.S': 'Small',
  'compartment.size.M': 'Medium',
  'compartment.size.L': 'Large',
  'compartment.height': '{bottom}–{top} cm from the floor',
  'compartment.service.in_service': 'In service',
  'compartment.service.out_of_service': 'Out of service',
  'noun.compartment': 'compartment',
  'door.open': 'Door open',
  'door.closed': 'Door closed',
  'door.unknown': 'Door state unknown',
  'unlock.door_seen_open': 'Compartment {label} is open.',
  'unlock.door_already_open': 'Compartment {label} was already open.',
  'unlock.jammed': 'Compartment {label} did not open. Please call the mailroom.',
  'unlock.outcome_unknown':
    'The lock of compartment {label} did not answer. Check the door before trying again.',
  'hardware.ok': 'Lock boards connected',
  'hardware.unknown': 'Lock board status not known yet',
  'hardware.degraded': 'Lock boards not answering: doors cannot be opened right now',
  'error.invalid_argument': 'The request is not valid: {detail}',
  'error.unknown_method': 'This kiosk does not know the action "{method}".',
  'error.not_found': 'No such {what}.',
  'error.compartment_out_of_service': 'Compartment {label} is out of service.',
  'error.hardware_unavailable': 'The lock boards are not answering. Please call the mailroom.',
  'error.forbidden': 'This kiosk page may not do that.',
  'error.internal_error':
    'Something went wrong on the kiosk. Please try again or call the mailroom.',
  // The wording of the screens' own messages (features/codes.ts). The exact wait is not in the
  // text: an API error carries no retry time, and the screen shows it from code.wait.*.
  'error.invalid_code':
    'This code does not open any compartment here. Check the code in your message, or ask the mailroom for a new one.',
  // Always raised with the wait in words (code-messages.ts waitMessage).
  'error.too_many_attempts': '{message}',
  'error.sign_in_failed': 'Wrong user name or password.',
  'error.account_locked': 'This user account is locked. Too many failed login attempts.',
  'error.not_signed_in': 'Please sign in to continue.',
  'error.permission_denied': 'Your account may not do that. Ask an administrator.',
  'error.no_compartment_available': '{message}',
  'error.label_required':
    "This bank needs the parcel's label: scan it, or type the tracking number if the barcode is damaged.",
  'error.pickup_method_disabled':
    'This locker bank does not accept that way of picking up. Use the code from your message.',
  'error.reopen_window_over':
    'The door can no longer be opened again. Please ask the mailroom for help.',
  'error.contactless_sign_in_off':
    'Badge sign-in is turned off at this locker bank. Sign in with your user name and password.',
  'error.scan_not_usable': 'That scan cannot be used here. Scan it again, or type it in.',
  'error.storage_refused': '{message}',
  'error.door_in_use':
    'Compartment {label} is in use right now: someone has its door open. Try again once it is closed.',
  'error.handover_refused': '{message}',
} as const;

export const en = {
  ...kioskMessages,
  ...codesMessages.en,
  ...doorsMessages.en,
  ...operatorScreenMessages.en,
  ...scanningMessages.en,
  ...commissioningMessages.en,
  ...commissioningScreenMessages.en,
  ...allocationMessages.en,
  ...flowsMessages.en,
  ...notificationsMessages.en,
  ...settingsScreenMessages.en,
  ...managementScreenMessages.en,
  ...dropOffScreenMessages.en,
  ...pickupScreenMessages.en,
  ...kioskShellMessages.en,
  ...storageMessages.en,
  ...storageScreenMessages.en,
  ...handoverMessages.en,
  ...handoverScreenMessages.en,
  ...syncMessages.en,
};

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;
