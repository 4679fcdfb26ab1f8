/**
 * drizzle-kit cannot emit STRICT tables yet, and STRICT is what makes SQLite refuse a string in
 * an integer column (style.md). Run after `drizzle-kit generate`: adds STRICT to every
 * CREATE TABLE of the migration files in the given folder. Idempotent, so released files
 * (already strict) are left byte-for-byte unchanged.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function makeTablesStrict(migrationSql: string): string {
  return migrationSql.replace(
    /(CREATE TABLE [^;]*?\n\))(\s*;)/g,
    (whole, createTable: string, terminator: string) =>
      /\)\s*STRICT\s*;$/.test(whole) ? whole : `${createTable} STRICT${terminator}`,
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

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv[2] ?? 'drizzle/kiosk');
}
