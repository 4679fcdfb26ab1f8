import { createHash, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { hashSecret } from '../auth/secret-hash.js';
import type { CloudDb } from '../db/open-cloud-database.js';
import { adminTokens } from '../db/schema.js';
import { AdminError } from './admin-error.js';

/** Who is calling the admin API: the platform operator, or one tenant's administrator. */
export type AdminCaller =
  { kind: 'platform' } | { kind: 'tenant'; tenantId: string; tokenId: string };

function bearerToken(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1] ?? null;
}

/** Equal digests compared in constant time, so the platform token leaks nothing by timing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Resolves the Bearer token of an admin request: the platform token of the server's options, or
 * an unrevoked `admin_token` row looked up by its hash (tenantId null is a platform token too).
 * Nothing is cached: another instance may have revoked the token a moment ago.
 */
export async function authenticateAdmin(
  db: CloudDb,
  authorization: string | undefined,
  platformToken: string,
): Promise<AdminCaller> {
  const token = bearerToken(authorization);
  if (token === null) {
    throw new AdminError('unauthorized', 'An admin Bearer token is required.');
  }
  if (platformToken !== '' && sameSecret(token, platformToken)) {
    return { kind: 'platform' };
  }
  const [row] = await db
    .select({ id: adminTokens.id, tenantId: adminTokens.tenantId })
    .from(adminTokens)
    .where(and(eq(adminTokens.tokenHash, hashSecret(token)), isNull(adminTokens.revokedAt)));
  if (row === undefined) {
    throw new AdminError('unauthorized', 'The admin token is unknown or revoked.');
  }
  return row.tenantId === null
    ? { kind: 'platform' }
    : { kind: 'tenant', tenantId: row.tenantId, tokenId: row.id };
}

/** The tenant of a tenant caller; a platform caller manages tenants, not their data. */
export function requireTenant(caller: AdminCaller): { tenantId: string; tokenId: string } {
  if (caller.kind !== 'tenant') {
    throw new AdminError('forbidden', 'This route needs a tenant admin token.');
  }
  return caller;
}

export function requirePlatform(caller: AdminCaller): void {
  if (caller.kind !== 'platform') {
    throw new AdminError('forbidden', 'This route needs the platform token.');
  }
}
