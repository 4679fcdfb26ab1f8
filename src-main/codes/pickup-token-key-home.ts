import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generatePickupTokenKeys } from './pickup-token.js';

/**
 * The bank's own pickup-QR signing key (pickup-token.ts), beside the code pepper in
 * `<dataDir>/secrets/`. Until the cloud signs tokens (issue 6), the bank that issues a code signs
 * its QR; it verifies with the public half only, so adding the cloud's public key later is one
 * more entry in the verifier's list.
 */
export function pickupTokenKeyFile(dataDir: string): string {
  return join(dataDir, 'secrets', 'pickup-token-key.pem');
}

export interface PickupTokenKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function loadKioskPickupTokenKeys(dataDir: string): PickupTokenKeys {
  const file = pickupTokenKeyFile(dataDir);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  try {
    const pem = generatePickupTokenKeys().privateKey.export({ type: 'pkcs8', format: 'pem' });
    // 'wx': two starts racing cannot both write a key.
    writeFileSync(file, pem, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw error;
    }
  }
  const privateKey = createPrivateKey(readFileSync(file));
  return { privateKey, publicKey: createPublicKey(privateKey) };
}
