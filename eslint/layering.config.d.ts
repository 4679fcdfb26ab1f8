import type { Linter } from 'eslint';

/**
 * The flat-config blocks that enforce the folder rules of architecture.md: the `casier/layering`
 * import rule on every source folder, and `no-restricted-globals` for src-shared (ECMAScript
 * globals only), src-renderer (no Node globals) and src-main outside src-main/electron (no DOM).
 */
export declare const layeringConfig: Linter.Config[];
