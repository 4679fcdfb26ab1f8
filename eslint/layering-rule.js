// @ts-check
/**
 * `casier/layering`: fails an import that crosses the folder rules of architecture.md. It looks
 * at every way a module can be named in source (static import, export-from, dynamic import,
 * `import x = require()`, `require()`, `import('x').T` types) and leaves the decision to layers.js.
 */
import { findLayerViolation } from './layers.js';

/**
 * @typedef {import('eslint').Rule.RuleModule} RuleModule
 * @typedef {import('eslint').Rule.RuleContext} RuleContext
 * @typedef {import('estree').Node} Node
 */

/**
 * The specifier text of a string literal or a template literal without expressions; undefined
 * for anything computed, which cannot be checked statically.
 * @param {unknown} node
 * @returns {string | undefined}
 */
function staticString(node) {
  if (typeof node !== 'object' || node === null || !('type' in node)) {
    return undefined;
  }
  const candidate = /** @type {Node} */ (node);
  if (candidate.type === 'Literal' && typeof candidate.value === 'string') {
    return candidate.value;
  }
  if (candidate.type === 'TemplateLiteral' && candidate.expressions.length === 0) {
    return candidate.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** @type {RuleModule} */
export const layeringRule = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Enforce the folder rules of architecture.md: which source folder may import which folder or package',
    },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string' } },
        required: ['root'],
        additionalProperties: false,
      },
    ],
    messages: {
      forbiddenPackage: "{{layer}} must not import '{{specifier}}': {{reason}} (architecture.md).",
      forbiddenFile:
        "{{layer}} must not import '{{specifier}}' (resolves to {{resolvedPath}}): {{reason}} (architecture.md).",
    },
  },

  create(context) {
    const [{ root }] = /** @type {[{ root: string }]} */ (context.options);
    // The physical file: a processor (Svelte) may hand the rule a virtual block name.
    const importingFile = context.physicalFilename;

    /**
     * @param {unknown} sourceNode the node holding the specifier
     * @param {Node} reportNode
     */
    function check(sourceNode, reportNode) {
      const specifier = staticString(sourceNode);
      if (specifier === undefined) {
        return;
      }
      const violation = findLayerViolation(root, importingFile, specifier);
      if (violation === undefined) {
        return;
      }
      const data = { layer: violation.layer, specifier, reason: violation.reason };
      if (violation.resolvedPath === undefined) {
        context.report({ node: reportNode, messageId: 'forbiddenPackage', data });
      } else {
        context.report({
          node: reportNode,
          messageId: 'forbiddenFile',
          data: { ...data, resolvedPath: violation.resolvedPath },
        });
      }
    }

    // TypeScript-only nodes are not in the estree types, so they are handled as plain objects.
    /** @type {Record<string, (node: any) => void>} */
    const typeScriptVisitors = {
      /** `import fs = require('node:fs')` */
      TSExternalModuleReference(node) {
        check(node.expression, node);
      },
      /** `type Window = import('electron').BrowserWindow` */
      TSImportType(node) {
        check(node.source ?? node.argument?.literal, node);
      },
    };

    return {
      ImportDeclaration(node) {
        check(node.source, node);
      },
      ExportNamedDeclaration(node) {
        if (node.source) {
          check(node.source, node);
        }
      },
      ExportAllDeclaration(node) {
        check(node.source, node);
      },
      ImportExpression(node) {
        check(node.source, node);
      },
      CallExpression(node) {
        if (
          node.callee.type === 'Identifier' &&
          node.callee.name === 'require' &&
          node.arguments.length === 1
        ) {
          check(node.arguments[0], node);
        }
      },
      ...typeScriptVisitors,
    };
  },
};
