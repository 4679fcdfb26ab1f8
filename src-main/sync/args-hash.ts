import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * sha256 (hex) of the RFC 8785 canonical JSON of {name, v, args} (sync.md): the server compares
 * it when a mutation id arrives twice, so the same id must always hash the same.
 */
export function mutationArgsHash(name: string, version: number, args: unknown): string {
  const canonical = canonicalize({ name, v: version, args });
  if (canonical === undefined) {
    throw new Error(`Mutation ${name} v${version} has arguments that cannot be canonicalised.`);
  }
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
