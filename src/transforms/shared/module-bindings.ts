import { requireSpecifier, type AnyNode } from './ast';

/** How one module-level name reaches a module: the whole module, or one export of it. */
export interface ModuleBinding {
  local: string;
  specifier: string;
  /** undefined: the namespace (`const fs = require('fs')`); else the imported name. */
  imported?: string;
  /** The statement that declares it, so that it can be removed when no longer used. */
  statement: AnyNode;
}

export interface ModuleStyle {
  esm: boolean;
  /** The file writes core modules as `node:fs`. */
  nodePrefix: boolean;
}

function propertyKeyName(property: AnyNode): string | undefined {
  if (property.computed) return undefined;
  const key = property.key;
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral' || key.type === 'Literal') return String(key.value);
  return undefined;
}

/** `require('ncp').ncp`: one export of a module, read at once. */
function requiredMember(init: AnyNode): { specifier: string; name: string } | undefined {
  if (!init || init.type !== 'MemberExpression' || init.computed || init.property.type !== 'Identifier') return undefined;
  const specifier = requireSpecifier(init.object);
  return specifier === undefined ? undefined : { specifier, name: init.property.name };
}

/**
 * `var mkdirs = _mkdirs.mkdirs` after `var _mkdirs = require('../mkdirs')` (fs-extra's way): one
 * export of a module, read at once through the namespace bound before it.
 */
function namespaceMember(init: AnyNode, earlier: ModuleBinding[]): { specifier: string; name: string } | undefined {
  if (init?.type !== 'MemberExpression' || init.computed || init.property.type !== 'Identifier' || init.object.type !== 'Identifier') return undefined;
  const namespace = earlier.find((binding) => binding.local === init.object.name && binding.imported === undefined);
  return namespace && { specifier: namespace.specifier, name: init.property.name };
}

/** Module-level `require` and `import` bindings of the program, in order (`const x = require('m').x` too). */
export function findModuleBindings(program: AnyNode): ModuleBinding[] {
  const bindings: ModuleBinding[] = [];
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration' && statement.importKind !== 'type') {
      const specifier = statement.source.value as string;
      for (const item of statement.specifiers ?? []) {
        if (item.importKind === 'type') continue;
        if (item.type === 'ImportDefaultSpecifier' || item.type === 'ImportNamespaceSpecifier') {
          bindings.push({ local: item.local.name, specifier, statement });
        } else if (item.type === 'ImportSpecifier') {
          const imported = item.imported.type === 'Identifier' ? item.imported.name : String(item.imported.value);
          if (imported === 'default') bindings.push({ local: item.local.name, specifier, statement });
          else bindings.push({ local: item.local.name, specifier, imported, statement });
        }
      }
    } else if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        const member = requiredMember(declarator.init) ?? namespaceMember(declarator.init, bindings);
        if (member && declarator.id.type === 'Identifier') {
          bindings.push({ local: declarator.id.name, specifier: member.specifier, imported: member.name, statement });
          continue;
        }
        const specifier = requireSpecifier(declarator.init);
        if (specifier === undefined) continue;
        if (declarator.id.type === 'Identifier') {
          bindings.push({ local: declarator.id.name, specifier, statement });
        } else if (declarator.id.type === 'ObjectPattern') {
          for (const property of declarator.id.properties) {
            if (property.type === 'RestElement' || property.value.type !== 'Identifier') continue;
            const imported = propertyKeyName(property);
            if (imported) bindings.push({ local: property.value.name, specifier, imported, statement });
          }
        }
      }
    }
  }
  return bindings;
}

export function detectModuleStyle(program: AnyNode, path: string): ModuleStyle {
  const esm =
    /\.(mjs|mts)$/.test(path) ||
    program.body.some((statement: AnyNode) =>
      statement.type === 'ImportDeclaration' ||
      statement.type === 'ExportNamedDeclaration' ||
      statement.type === 'ExportDefaultDeclaration' ||
      statement.type === 'ExportAllDeclaration',
    );
  const specifiers: string[] = [];
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') specifiers.push(statement.source.value);
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        const specifier = requireSpecifier(declarator.init);
        if (specifier !== undefined) specifiers.push(specifier);
      }
    }
  }
  return { esm, nodePrefix: specifiers.some((specifier) => specifier.startsWith('node:')) };
}

/**
 * Index of the statement after the last module-level import or require declaration (one export
 * read at once counts: `var ncp = require('ncp').ncp`, whose name a promisify after it reads).
 */
export function afterImportsIndex(program: AnyNode): number {
  let index = 0;
  const bound = new Set(findModuleBindings(program).map((binding) => binding.statement));
  program.body.forEach((statement: AnyNode, i: number) => {
    const isImport = statement.type === 'ImportDeclaration';
    const isRequire =
      statement.type === 'VariableDeclaration' &&
      (bound.has(statement) || statement.declarations.some((declarator: AnyNode) => requireSpecifier(declarator.init) !== undefined));
    const isDirective = statement.type === 'ExpressionStatement' && statement.directive;
    if (isImport || isRequire || isDirective) index = i + 1;
  });
  return index;
}
