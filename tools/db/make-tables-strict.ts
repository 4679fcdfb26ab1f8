/**
 * drizzle-kit cannot emit STRICT tables yet, and STRICT is what makes SQLite refuse a string in
 * an integer column (style.md). Run after `drizzle-kit generate`: adds STRICT to every
 * CREATE TABLE of the migration files in the given folder. Idempotent, so released files
 * (already strict) are left byte-for-byte unchanged.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export function makeTablesStrict(migrationSql: string): string {
  // Only a table body closed by `\n)` directly followed by `;` matches, so `) STRICT;` is skipped.
  return migrationSql.replace(
    /(CREATE TABLE [^;]*?\n\))(\s*;)/g,
    (_whole, createTable: string, terminator: string) => `${createTable} STRICT${terminator}`,
  );
}

function main(folder: string): void {
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.sql'))) {
    const path = join(folder, file);
    const before = readFileSync(path, 'utf8');
    const after = makeTablesStrict(before);
    if (after !== before) {
      writeFileSync(path, after);
      console.log(`made tables STRICT in ${path}`);
    }
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv[2] ?? 'drizzle/kiosk');
}
