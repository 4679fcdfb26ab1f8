import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

/**
 * What enrolment gave this kiosk: the cloud it belongs to, its tenant and bank there, and the
 * device credential (`<deviceId>.<secret>`) it sends as a Bearer token. The cloud keeps only a
 * hash and can revoke it.
 */
export const CloudCredential = z
  .object({
    cloudUrl: z.string().min(1),
    tenantId: z.string().min(1),
    bankId: z.string().min(1),
    credential: z.string().min(1),
  })
  .strict();
export type CloudCredential = z.infer<typeof CloudCredential>;

/**
 * `<dataDir>/secrets/cloud-credential.json`, beside the code pepper (code-pepper-home.ts): the
 * secrets are one folder to protect. Not in the database, so a copied database or backup gives
 * nobody the right to push facts in this bank's name.
 */
export function cloudCredentialFile(dataDir: string): string {
  return join(dataDir, 'secrets', 'cloud-credential.json');
}

/** The saved credential, or undefined when this kiosk was never enrolled. */
export function loadCloudCredential(dataDir: string): CloudCredential | undefined {
  let text: string;
  try {
    text = readFileSync(cloudCredentialFile(dataDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
  const parsed = CloudCredential.safeParse(safeJson(text));
  if (!parsed.success) {
    // Never a silent re-enrolment: the file is the kiosk's identity, an admin should look.
    throw new Error(`The cloud credential file ${cloudCredentialFile(dataDir)} is damaged.`);
  }
  return parsed.data;
}

/**
 * Saves the credential atomically: written and flushed to a temporary file (0600) in the same
 * folder, then renamed over the old one, so a crash leaves either the old file or the new one,
 * never half of one (a half-written credential would lock the kiosk out of its cloud).
 */
export function saveCloudCredential(dataDir: string, credential: CloudCredential): void {
  const file = cloudCredentialFile(dataDir);
  const folder = dirname(file);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const temporary = join(folder, `.cloud-credential.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const descriptor = openSync(temporary, 'wx', 0o600);
    try {
      writeSync(descriptor, JSON.stringify(CloudCredential.parse(credential)));
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  syncFolder(folder);
}

/** The rename itself is durable only once the folder's entry is flushed. */
function syncFolder(folder: string): void {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(folder, 'r');
    fsyncSync(descriptor);
  } catch {
    // Some filesystems refuse fsync on a folder; the rename is still atomic there.
  } finally {
    if (descriptor !== undefined) {
      closeSync(descriptor);
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Whether a saved credential belongs to the cloud this kiosk is now configured for. */
export function isCredentialFor(credential: CloudCredential, cloudUrl: string): boolean {
  return normaliseCloudUrl(credential.cloudUrl) === normaliseCloudUrl(cloudUrl);
}

export function normaliseCloudUrl(cloudUrl: string): string {
  return cloudUrl.trim().replace(/\/+$/u, '');
}
