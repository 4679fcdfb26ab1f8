import type { z } from 'zod';

/**
 * Names the fields that are wrong, without echoing their values (a typed code must never end up
 * in a message or a log). Field paths are code-level names, the same in every language.
 */
export function describeInvalidArguments(error: z.ZodError): string {
  const fields = new Set<string>();
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        fields.add(joinPath([...issue.path, key]));
      }
    } else {
      fields.add(issue.path.length > 0 ? joinPath(issue.path) : '(arguments)');
    }
  }
  return [...fields].join(', ');
}

function joinPath(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join('.');
}
