import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { minimumPepperBytes } from './code-hasher.js';

/**
 * The bank's code pepper (see code-hasher.ts for why it exists), in a file of its own beside the
 * database rather than in it: a copied database file or backup then holds no key for its hashes.
 * The file is created once with owner-only permissions; losing it voids every active code's
 * usefulness (they can no longer be matched), which is the safe way to fail.
 */
export function loadOrCreateCodePepper(filePath: string): Buffer {
  try {
    // 'wx' fails when the file exists, so two starts racing cannot both write a pepper.
    writeFileSync(filePath, randomBytes(minimumPepperBytes), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw error;
    }
  }
  const pepper = readFileSync(filePath);
  if (pepper.byteLength < minimumPepperBytes) {
    // A truncated file must not quietly become a short, guessable key.
    throw new Error(`the code pepper file ${filePath} is damaged (${pepper.byteLength} bytes)`);
  }
  return pepper;
}
