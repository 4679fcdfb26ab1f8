import { z } from 'zod';

/**
 * How an operator's password is stored: scrypt (security.md: memory-hard) in the PHC string
 * format, `$scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<hash>`, salt and hash in unpadded base64.
 * The parameters travel with each hash, so they can be raised later and old hashes still verify;
 * the cloud hashes (it owns operators) and every bank verifies, hence one shared format.
 */
export interface ScryptPasswordHash {
  /** log2 of scrypt's cost N. */
  logCost: number;
  blockSize: number;
  parallelism: number;
  saltBase64: string;
  hashBase64: string;
}

const unpaddedBase64 = /^[A-Za-z0-9+/]{16,}$/;

const ScryptPasswordHashSchema = z.object({
  logCost: z.number().int().min(10).max(24),
  blockSize: z.number().int().min(1).max(64),
  parallelism: z.number().int().min(1).max(16),
  saltBase64: z.string().regex(unpaddedBase64),
  hashBase64: z.string().regex(unpaddedBase64),
});

/** The prefix every stored hash has; the operator table's CHECK refuses anything else. */
export const scryptPasswordHashPrefix = '$scrypt$';

export function formatPasswordHash(hash: ScryptPasswordHash): string {
  const valid = ScryptPasswordHashSchema.parse(hash);
  return (
    `${scryptPasswordHashPrefix}ln=${valid.logCost},r=${valid.blockSize},p=${valid.parallelism}` +
    `$${valid.saltBase64}$${valid.hashBase64}`
  );
}

/** The parts of a stored hash, or undefined when the text is not one. */
export function parsePasswordHash(text: string): ScryptPasswordHash | undefined {
  const match = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([^$]+)\$([^$]+)$/.exec(text);
  if (!match) {
    return undefined;
  }
  const [, logCost, blockSize, parallelism, saltBase64, hashBase64] = match;
  const parsed = ScryptPasswordHashSchema.safeParse({
    logCost: Number(logCost),
    blockSize: Number(blockSize),
    parallelism: Number(parallelism),
    saltBase64,
    hashBase64,
  });
  return parsed.success ? parsed.data : undefined;
}
