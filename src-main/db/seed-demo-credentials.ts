import type { OperatorRole } from '../../src-shared/domain/roles.js';
import { insertBadge } from './queries/badges.js';
import { insertCarrier } from './queries/carriers.js';
import { findContactByPersonnelId } from './queries/contacts.js';
import { credentialHash } from './queries/credential-hash.js';
import { insertOperator } from './queries/operators.js';
import type { KioskTx } from './transaction.js';

/*
 * The demo's sign-in credentials. They are public (printed here and in the README) and exist
 * only in a demo database; a real bank gets its accounts from the cloud.
 *
 *   user name   password          role                badge scan
 *   admin       casier-admin      admin               CSR1-OP-demo-admin-7Hq2Kx9Lm4
 *   mailroom    casier-mailroom   mailroom_operator   CSR1-OP-demo-mailroom-Rw5Nc8Ty3p
 *   relief      casier-relief     mailroom_operator   (none)
 *
 *   carrier "Demo Express" signs in with the QR code  CSR1-CR-demo-express-Vb6Zt1Qe8Jx3
 *   recipients with a badge: Élodie Lefèvre (P10001) EMP-P10001, James O'Connor (P10002)
 *   EMP-P10002
 *
 * The passwords are stored as the scrypt hashes below (N=2^17, r=8, p=1: what
 * src-main/auth/password-hash.ts uses), made once with a random salt by hashPassword. They are
 * constants because the seed runs synchronously at every demo start and in many tests, where
 * three fresh hashes would cost about a second each time; a test checks each one still matches
 * its password. Badge and QR values are stored as credentialHash digests, never in clear.
 */

export interface DemoOperator {
  userName: string;
  displayName: string;
  role: OperatorRole;
  password: string;
  passwordHash: string;
  /** The payload of the operator's badge, `CSR1-OP-<badge>` when scanned. */
  badge: string | null;
}

export const demoOperators: readonly DemoOperator[] = [
  {
    userName: 'admin',
    displayName: 'Alex Martin',
    role: 'admin',
    password: 'casier-admin',
    passwordHash:
      '$scrypt$ln=17,r=8,p=1$rsAcRpj2FlH8tiSIU6Rrug$gGGyMN+wM/jkAnhq/hTJlr1vBRc3r8N+9ZPE2ThiYqk',
    badge: 'demo-admin-7Hq2Kx9Lm4',
  },
  {
    userName: 'mailroom',
    displayName: 'Camille Roy',
    role: 'mailroom_operator',
    password: 'casier-mailroom',
    passwordHash:
      '$scrypt$ln=17,r=8,p=1$LnU1cs2qpZiKrDXEXA8XwA$fIoiktplLwxUImwi7l9NOR/nRV2i/RDSuWf3kxPVknY',
    badge: 'demo-mailroom-Rw5Nc8Ty3p',
  },
  {
    userName: 'relief',
    displayName: 'Sam Tremblay',
    role: 'mailroom_operator',
    password: 'casier-relief',
    passwordHash:
      '$scrypt$ln=17,r=8,p=1$GtMNDgmA5WCAz5lmw3I4Ng$7SU0/UocbLBEqumkAqfPtfmpoiHrp3ERMMg3BWkELkQ',
    badge: null,
  },
];

export const demoCarrier = {
  name: 'Demo Express',
  /** The payload of its sign-in QR code, `CSR1-CR-<code>`. */
  code: 'demo-express-Vb6Zt1Qe8Jx3',
} as const;

/** Recipients' badges (E4): the value their staff card carries, by PersonnelID. */
export const demoContactBadges: readonly { personnelId: string; value: string }[] = [
  { personnelId: 'P10001', value: 'EMP-P10001' },
  { personnelId: 'P10002', value: 'EMP-P10002' },
];

/** Operators, the carrier and the badges; the contacts of the badges must already be seeded. */
export function seedDemoCredentials(tx: KioskTx, nowMs: number): void {
  for (const { password: _published, badge, ...operator } of demoOperators) {
    const { id } = insertOperator(tx, operator, nowMs);
    if (badge !== null) {
      insertBadge(
        tx,
        { valueHash: credentialHash(badge), owner: { kind: 'operator', operatorId: id } },
        nowMs,
      );
    }
  }
  insertCarrier(tx, { name: demoCarrier.name, codeHash: credentialHash(demoCarrier.code) }, nowMs);
  for (const { personnelId, value } of demoContactBadges) {
    const contact = findContactByPersonnelId(tx, personnelId);
    if (!contact) {
      throw new Error(`The demo badge of ${personnelId} has no contact to belong to.`);
    }
    insertBadge(
      tx,
      { valueHash: credentialHash(value), owner: { kind: 'contact', contactId: contact.id } },
      nowMs,
    );
  }
}
