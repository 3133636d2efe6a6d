#!/usr/bin/env node
'use strict';
// npm run bench:reach: which functions that take a callback awaitify tries as callback APIs
// (findCallbackFunctions), by the shape that holds them. The functions counted are those of the
// "cb APIs" column of bench:real (named, last parameter a callback by name or by use); read-only
// over the cached packages, no conversion. Needs dist/ (npm run build).
//
//   AWAITIFY_BENCH_CACHE=/work/bench-cache npm run bench:reach [-- --only nedb,mv] [-- --list]

const fs = require('fs');
const path = require('path');
const { loadPackages, unpacked, id } = require('./cache');
const { listLibFiles } = require('./tree');
const { parseSource } = require('./counter');
const { findCallbackFunctions } = require('../../dist/src/transforms/callbacks-to-async/callback-functions');

const CALLBACK_NAME = /^_?(cb|callback|done|next)_?\d*$/i;
const SKIP = new Set(['loc', 'start', 'end', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'extra', 'tokens']);
const isFunction = (node) => /^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression|ObjectMethod|ClassMethod)$/.test(node.type);

/** Every node with its ancestors (nearest last). */
function walk(node, visit, ancestors = []) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((item) => walk(item, visit, ancestors));
  if (typeof node.type !== 'string') return;
  visit(node, ancestors);
  ancestors.push(node);
  for (const key of Object.keys(node)) if (!SKIP.has(key)) walk(node[key], visit, ancestors);
  ancestors.pop();
}

function takesCallback(fn) {
  const last = fn.params[fn.params.length - 1];
  if (!last || last.type !== 'Identifier') return false;
  if (CALLBACK_NAME.test(last.name)) return true;
  let used = false;
  walk(fn.body, (node) => {
    if (used || (node.type !== 'CallExpression' && node.type !== 'NewExpression')) return;
    const tail = node.arguments[node.arguments.length - 1];
    if ((node.callee.type === 'Identifier' && node.callee.name === last.name) || (tail && tail.type === 'Identifier' && tail.name === last.name)) used = true;
  });
  return used;
}

const text = (node) => (node.type === 'Identifier' ? node.name : node.type === 'ThisExpression' ? 'this' : node.type === 'MemberExpression' && !node.computed ? `${text(node.object)}.${node.property.name}` : '[…]');

/** The function's shape, and its name as the bench counts it (undefined: not counted). */
function shapeOf(fn, ancestors) {
  const parent = ancestors[ancestors.length - 1];
  const inFunction = ancestors.some(isFunction);
  const where = inFunction ? ' (inside a function)' : '';
  if (fn.type === 'FunctionDeclaration') return { name: fn.id ? fn.id.name : undefined, shape: inFunction ? (ancestors.filter(isFunction).length === 1 && ancestors[ancestors.length - 2] === ancestors.find(isFunction) ? 'function f inside a module-level function' : 'function f deeper') : 'function f (module level)' };
  if (fn.type === 'ClassMethod') return { name: fn.key.name, shape: `class method${where}` };
  if (fn.type === 'ObjectMethod' || (parent && parent.type === 'ObjectProperty' && parent.value === fn)) {
    const objectParent = ancestors[ancestors.length - (fn.type === 'ObjectMethod' ? 2 : 3)];
    const holder = objectParent && objectParent.type === 'AssignmentExpression' ? text(objectParent.left) : '';
    const key = fn.type === 'ObjectMethod' ? fn.key : parent.key;
    const kind = /\.prototype$/.test(holder) ? 'Foo.prototype = { m: function }' : /^(module\.)?exports$/.test(holder) ? 'module.exports = { m: function }' : 'object-literal method';
    return { name: key.name || key.value, shape: `${kind}${where}` };
  }
  if (parent && parent.type === 'VariableDeclarator' && parent.init === fn) return { name: parent.id.name, shape: `var f = function${where}` };
  if (parent && parent.type === 'AssignmentExpression' && parent.right === fn) {
    const left = text(parent.left);
    const kind = /^(module\.)?exports\.[^.]+$/.test(left) ? 'exports.x = function'
      : /^module\.exports$/.test(left) ? 'module.exports = function'
        : /\.prototype\.[^.]+$/.test(left) ? 'Foo.prototype.m = function'
          : /^(this|self|that|me)\./.test(left) ? 'this.m = function (factory/constructor)'
            : 'obj.m = function';
    return { name: left, shape: `${kind}${where}` };
  }
  return { name: fn.id ? fn.id.name : undefined, shape: `function literal elsewhere${where}` };
}

function main() {
  const argv = process.argv.slice(2);
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : undefined;
  const list = argv.includes('--list');
  const table = new Map();
  for (const pkg of loadPackages()) {
    if (only && !only.includes(pkg.name)) continue;
    const root = unpacked(pkg);
    for (const file of listLibFiles(root, pkg.lib)) {
      let ast;
      try {
        ast = parseSource(fs.readFileSync(path.join(root, file), 'utf8'), file);
      } catch {
        continue;
      }
      const tried = new Set(findCallbackFunctions(ast.program).map((item) => item.fn));
      walk(ast.program, (node, ancestors) => {
        if (!isFunction(node) || node.async || node.generator || !takesCallback(node)) return;
        const { name, shape } = shapeOf(node, ancestors);
        if (name === undefined) return;
        const row = table.get(shape) || { shape, total: 0, tried: 0, packages: new Set(), examples: [] };
        row.total += 1;
        if (tried.has(node)) row.tried += 1;
        else if (list) console.log(`not tried  ${id(pkg)} ${file}:${node.loc.start.line}  ${name}  [${shape}]`);
        row.packages.add(pkg.name);
        if (row.examples.length < 3) row.examples.push(`${pkg.name}:${name}`);
        table.set(shape, row);
      });
    }
  }
  const rows = [...table.values()].sort((a, b) => b.total - a.total);
  const width = Math.max(...rows.map((row) => row.shape.length), 5);
  console.log(`${'shape'.padEnd(width)}  total  tried  not tried  packages  examples`);
  for (const row of rows) {
    console.log(`${row.shape.padEnd(width)}  ${String(row.total).padStart(5)}  ${String(row.tried).padStart(5)}  ${String(row.total - row.tried).padStart(9)}  ${String(row.packages.size).padStart(8)}  ${row.examples.join(', ')}`);
  }
  const total = rows.reduce((sum, row) => sum + row.total, 0);
  const tried = rows.reduce((sum, row) => sum + row.tried, 0);
  console.log(`${'all'.padEnd(width)}  ${String(total).padStart(5)}  ${String(tried).padStart(5)}  ${String(total - tried).padStart(9)}`);
}

main();
