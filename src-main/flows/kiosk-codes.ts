import type { Clock } from '../../src-shared/time/clock.js';
import { CodeAttemptLimiter } from '../codes/attempt-limiter.js';
import { createCodeHasher } from '../codes/code-hasher.js';
import { createCodeIssuer, type CodeIssuer } from '../codes/code-issuer.js';
import {
  createCodeVerifier,
  type BackoffAlert,
  type CodeVerifier,
} from '../codes/code-verifier.js';
import { createPickupTokenVerifier, signPickupToken } from '../codes/pickup-token.js';
import type { PickupTokenKeys } from '../codes/pickup-token-key-home.js';
import { SqliteCodeStore, type CodeStoreConnection } from '../codes/sqlite-code-store.js';
import type { KioskDb } from '../db/open-kiosk-database.js';
import type { Logger } from '../logging/logger.js';

/** The bank's codes (X3) as the flows use them: issue inside a transaction, verify, sign a QR. */
export interface KioskCodes {
  /** An issuer writing through `tx`, so the code commits with the deposit it belongs to. */
  issuerWithin(tx: CodeStoreConnection): CodeIssuer;
  /** A store writing through `tx` (consume, void inside the pickup's transaction). */
  storeWithin(tx: CodeStoreConnection): SqliteCodeStore;
  readonly verifier: CodeVerifier;
  /** The pickup QR for a code (E1): verified offline by this bank. */
  pickupToken(codeId: string, expiresAtMs: number): string;
}

export interface KioskCodesOptions {
  db: KioskDb;
  bankId: string;
  clock: Clock;
  logger: Logger;
  pepper: Uint8Array;
  tokenKeys: PickupTokenKeys;
  onBackoff?: (alert: BackoffAlert) => void;
}

export function createKioskCodes(options: KioskCodesOptions): KioskCodes {
  const { db, bankId, clock, logger } = options;
  const hasher = createCodeHasher(options.pepper);
  const store = new SqliteCodeStore(db, bankId);
  // Per kiosk and per target, in memory: a restart forgets the back-off, which costs an attacker
  // a restart they cannot cause from the keypad.
  const limiter = new CodeAttemptLimiter({ clock });
  const verifier = createCodeVerifier({
    store,
    hasher,
    limiter,
    clock,
    logger,
    tokens: createPickupTokenVerifier({ bankId, publicKeys: [options.tokenKeys.publicKey], clock }),
    ...(options.onBackoff ? { onBackoff: options.onBackoff } : {}),
  });
  return {
    issuerWithin: (tx) => createCodeIssuer({ store: store.within(tx), hasher, clock, logger }),
    storeWithin: (tx) => store.within(tx),
    verifier,
    pickupToken: (codeId, expiresAtMs) =>
      signPickupToken(options.tokenKeys.privateKey, { bankId, codeId, expiresAtMs }),
  };
}
