// @ts-check
/**
 * Lint for the whole repository (`npm run lint`). The folder rules of architecture.md live in
 * eslint/layering.config.js; the habits of style.md are below. Formatting is Prettier's job, so
 * nothing here is about layout.
 */
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layeringConfig } from './eslint/layering.config.js';

const typeScriptFiles = ['**/*.ts', '**/*.mts', '**/*.cts'];
// .svelte.js files are not in any TypeScript program, so they get the untyped Svelte config only.
const svelteFiles = ['**/*.svelte', '**/*.svelte.ts'];
const sourceFiles = ['src-shared/**', 'src-renderer/**', 'src-main/**', 'src-cloud/**'];
const testFiles = ['tests/**'];

// Every TypeScript file is linted with type information from the nearest tsconfig.json
// (src-shared and src-renderer have their own; the root one covers the rest, tests and tools).
const typedParserOptions = {
  projectService: true,
  tsconfigRootDir: import.meta.dirname,
  extraFileExtensions: ['.svelte'],
};

// Focused or skipped tests must not be left behind (style.md). `.only` is banned on any object
// (vitest `describe.only`, Playwright `test.describe.only`...).
const skippedTestProperties = ['it', 'test', 'describe', 'suite', 'bench'].flatMap((object) =>
  ['skip', 'todo'].map((property) => ({
    object,
    property,
    message: 'Do not leave skipped tests behind: fix the test or delete it (style.md).',
  })),
);

export default defineConfig(
  globalIgnores(
    [
      'dist/',
      'out/',
      'release/',
      'drizzle/',
      'coverage/',
      'test-results/',
      'playwright-report/',
      '.casier/',
    ],
    'casier/ignores',
  ),

  {
    name: 'casier/linter-options',
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
      reportUnusedInlineConfigs: 'error',
    },
  },

  js.configs.recommended,

  {
    name: 'casier/typescript',
    files: [...typeScriptFiles, ...svelteFiles],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: typedParserOptions },
  },

  svelte.configs.recommended,
  svelte.configs.prettier,
  {
    name: 'casier/svelte',
    files: svelteFiles,
    languageOptions: {
      parserOptions: { ...typedParserOptions, parser: tseslint.parser },
    },
    rules: {
      // TypeScript (svelte-check) already reports undefined names, with the right lib.
      'no-undef': 'off',
      // A SvelteKit rule; the kiosk is a plain Svelte + Vite app with no `$app/paths`.
      'svelte/no-navigation-without-resolve': 'off',
    },
  },

  {
    name: 'casier/globals/browser',
    files: ['src-renderer/**', 'src-main/electron/preload.ts'],
    languageOptions: { globals: globals.browser },
  },
  {
    name: 'casier/globals/node',
    files: ['src-main/**', 'src-cloud/**', 'tools/**', 'tests/**', 'eslint/**', '*.{js,ts}'],
    languageOptions: { globals: globals.node },
  },

  {
    name: 'casier/style',
    rules: {
      curly: ['error', 'all'],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    name: 'casier/style/typescript',
    files: [...typeScriptFiles, ...svelteFiles],
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      // Same convention as TypeScript's noUnusedParameters: a leading underscore says "on purpose".
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
    },
  },
  {
    name: 'casier/style/product-code',
    files: sourceFiles,
    rules: {
      // Product code logs through the logger; tools/ CLIs and tests may print.
      'no-console': 'error',
    },
  },
  {
    name: 'casier/style/tests',
    files: testFiles,
    rules: {
      'no-restricted-properties': [
        'error',
        {
          property: 'only',
          message: 'Do not leave focused tests behind: they silently skip the rest (style.md).',
        },
        ...skippedTestProperties,
      ],
      // `expect(fake.method).toHaveBeenCalled()` passes methods around unbound on purpose.
      '@typescript-eslint/unbound-method': 'off',
      // Fakes of async ports answer at once (`async () => reading`); that is the point of a fake.
      '@typescript-eslint/require-await': 'off',
    },
  },

  // Last, so nothing above can loosen the folder rules.
  layeringConfig,
);
