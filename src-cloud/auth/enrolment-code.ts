import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { CloudError } from '../cloud-error.js';
import type { CloudTx } from '../db/open-cloud-database.js';
import { banks } from '../db/schema.js';
import { hashSecret } from './secret-hash.js';

/**
 * 32 letters and digits without 0/O and 1/I, which people misread when typing a code from a
 * screen or a printed sheet. 32 symbols make a byte's low 5 bits uniform (no modulo bias).
 */
const codeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const groups = 4;
const groupLength = 4;

/** An enrolment code is meant for the day the bank is installed. */
export const enrolmentCodeValidityMs = 24 * 60 * 60 * 1000;

/** `XXXX-XXXX-XXXX-XXXX`: 16 symbols of 5 bits, 80 random bits from the CSPRNG. */
export function newEnrolmentCode(): string {
  const bytes = randomBytes(groups * groupLength);
  const symbols = [...bytes].map((byte) => codeAlphabet[byte & 31] ?? '');
  const parts: string[] = [];
  for (let group = 0; group < groups; group++) {
    parts.push(symbols.slice(group * groupLength, (group + 1) * groupLength).join(''));
  }
  return parts.join('-');
}

/**
 * Gives a bank a new one-time enrolment code, replacing any unused one. Only its hash is kept:
 * the clear code is returned once, for the admin to type on the kiosk.
 */
export async function issueEnrolmentCode(
  tx: CloudTx,
  bankId: string,
  nowMs: number,
): Promise<{ code: string; expiresAt: number }> {
  const code = newEnrolmentCode();
  const expiresAt = nowMs + enrolmentCodeValidityMs;
  const updated = await tx
    .update(banks)
    .set({ enrolmentCodeHash: hashSecret(code), enrolmentExpiresAt: expiresAt })
    .where(eq(banks.id, bankId))
    .returning({ id: banks.id });
  if (updated.length === 0) {
    throw new CloudError('not_found', `No bank ${bankId}.`);
  }
  return { code, expiresAt };
}
