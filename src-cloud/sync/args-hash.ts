import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * sha256 (hex) of the RFC 8785 canonical JSON of {name, v, args} (sync.md), the same function
 * as the kiosk's src-main/sync/args-hash.ts (src-cloud may not import src-main). The server
 * recomputes it for every mutation it receives, so a corrupted row cannot hide behind its hash.
 */
export function mutationArgsHash(name: string, version: number, args: unknown): string | null {
  const canonical = canonicalize({ name, v: version, args });
  if (canonical === undefined) {
    return null;
  }
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
