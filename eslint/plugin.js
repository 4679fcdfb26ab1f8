// @ts-check
/** The project's own ESLint plugin: registered as `casier` in the flat config. */
import { layeringRule } from './layering-rule.js';

/** @type {import('eslint').ESLint.Plugin} */
export const casierPlugin = {
  meta: { name: 'casier' },
  rules: { layering: layeringRule },
};
