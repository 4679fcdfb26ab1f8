import { describe, expect, it } from 'vitest';
import { makeTablesStrict } from '../../tools/db/make-tables-strict.js';

describe('makeTablesStrict', () => {
  const generated =
    'CREATE TABLE `a` (\n\t`id` integer PRIMARY KEY NOT NULL\n);\n--> statement-breakpoint\nCREATE INDEX `i` ON `a` (`id`);';

  it('adds STRICT to each CREATE TABLE and nothing else', () => {
    expect(makeTablesStrict(generated)).toBe(
      'CREATE TABLE `a` (\n\t`id` integer PRIMARY KEY NOT NULL\n) STRICT;\n--> statement-breakpoint\nCREATE INDEX `i` ON `a` (`id`);',
    );
  });

  it('leaves an already strict file unchanged (released migrations stay byte-identical)', () => {
    const once = makeTablesStrict(generated);
    expect(makeTablesStrict(once)).toBe(once);
  });
});
