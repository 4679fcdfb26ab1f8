import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadOrCreateCodePepper } from './code-pepper.js';

/**
 * Where the bank's code pepper lives: `<dataDir>/secrets/code-pepper`, beside `kiosk.sqlite`
 * but in a folder of its own, so the secrets are one folder to protect and to back up.
 *
 * Why it must be backed up with the database: the database holds only HMACs of the codes under
 * this pepper (code-hasher.ts). A database restored without the pepper it was written with gets
 * a new pepper at the next start, and then no typed code matches any stored hash: every
 * recipient waiting for a parcel is locked out of it until the mailroom issues new codes. A
 * pepper without its database is worthless. So the two are one backup set, taken together.
 *
 * Why not in the same place as the database's copies: the pepper is what makes a stolen copy of
 * the database useless for testing codes offline (10^6 values each). The copy of `secrets/` must
 * be kept at least as protected as the kiosk itself (encrypted, access-restricted), never left
 * next to a plain copy of `kiosk.sqlite` for anyone who can read one to read both.
 */
export function codePepperFile(dataDir: string): string {
  return join(dataDir, 'secrets', 'code-pepper');
}

/** The bank's pepper, created on first start (file 0600, folder 0700 when this creates them). */
export function loadKioskCodePepper(dataDir: string): Buffer {
  const file = codePepperFile(dataDir);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  return loadOrCreateCodePepper(file);
}
