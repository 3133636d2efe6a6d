'use strict';
// The counter of the real-code benchmark: what one source text holds of callback-era code and
// of async code, read from a plain @babel/parser parse (no awaitify code, so a change to the
// converter cannot change what is counted).
//
// Every column is one entry of METRICS: an id, a header, what it means, and a visit(node, ctx)
// that adds to it. A new column (noise, resolved callees, ...) is one more entry; the tables,
// sums, JSON and baseline comparison pick it up by its id.

const { parse } = require('@babel/parser');

const ERROR_NAMES = new Set(['err', 'error', 'er', 'e']);
const CALLBACK_NAME = /^_?(cb|callback|done|next)_?\d*$/i;
// Helpers that take a function and hand its parameter on as the callback of a call inside:
// the callback survives there (`fromCallback((done) => client.query(sql, done))`).
const WRAPPER_CALLEE = /(^|\.)(Promise|fromCallback\w*|promisify\w*|settleCallback\w*)$/;
// Calls that take a wrapper's parameter without being a callback API (a queue, a listener, a timer).
const NOT_A_CALLBACK_API = /(\.(push|unshift|then|catch|finally|on|once|addListener|prependListener)|^(setImmediate|setTimeout|queueMicrotask|process\.nextTick))$/;
// A rejection handler (`.then(ok, (err) => …)`, `.catch((err) => …)`) is promise code, not a callback.
const PROMISE_HANDLER = /\.(then|catch|finally)$/;
const SKIP_KEYS = new Set(['loc', 'start', 'end', 'range', 'extra', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'tokens', 'errors']);

const isFunction = (node) =>
  node != null && /^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression|ObjectMethod|ClassMethod|ClassPrivateMethod)$/.test(node.type);
const isFunctionLiteral = (node) => node != null && (node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression');
const isCall = (node) => node.type === 'CallExpression' || node.type === 'NewExpression' || node.type === 'OptionalCallExpression';

function paramName(param) {
  if (!param) return undefined;
  if (param.type === 'Identifier') return param.name;
  if (param.type === 'AssignmentPattern' && param.left.type === 'Identifier') return param.left.name;
  if (param.type === 'TSParameterProperty') return paramName(param.parameter);
  return undefined;
}

function typeText(type) {
  if (!type) return '';
  if (type.type === 'TSTypeAnnotation' || type.type === 'TypeAnnotation') return typeText(type.typeAnnotation);
  if (type.type === 'TSUnionType' || type.type === 'UnionTypeAnnotation') return type.types.map(typeText).join('|');
  if (type.type === 'TSTypeReference') return qualifiedText(type.typeName);
  if (type.type === 'GenericTypeAnnotation') return qualifiedText(type.id);
  if (type.type === 'NullableTypeAnnotation') return typeText(type.typeAnnotation);
  return '';
}

function qualifiedText(name) {
  if (!name) return '';
  if (name.type === 'Identifier') return name.name;
  if (name.type === 'TSQualifiedName') return `${qualifiedText(name.left)}.${name.right.name}`;
  if (name.type === 'QualifiedTypeIdentifier') return `${qualifiedText(name.qualification)}.${name.id.name}`;
  return '';
}

/** First parameter named err/error/er/e, or typed as an Error (`Error | null`, `NodeJS.ErrnoException`). */
function isErrorParam(param) {
  const name = paramName(param);
  if (name !== undefined && ERROR_NAMES.has(name)) return true;
  const typed = param && (param.typeAnnotation || (param.left && param.left.typeAnnotation));
  return /(^|[|.])\w*(Error|ErrnoException)(\||$)/.test(typeText(typed));
}

const isErrorFirstLiteral = (node) => isFunctionLiteral(node) && node.params.length > 0 && isErrorParam(node.params[0]);

function calleeText(node) {
  if (!node) return '';
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'ThisExpression') return 'this';
  if ((node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') && !node.computed) {
    return `${calleeText(node.object)}.${node.property.name}`;
  }
  return '';
}

/** Walks a subtree, calling visit(node, parent) on each node. */
function walk(node, visit, parent = null) {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit, parent);
    return;
  }
  if (typeof node.type !== 'string') return;
  visit(node, parent);
  for (const key of Object.keys(node)) {
    if (SKIP_KEYS.has(key)) continue;
    const value = node[key];
    if (value !== null && typeof value === 'object') walk(value, visit, node);
  }
}

// An event's arguments go to its listeners as values: `emitter.emit('path', file, stat)` hands on no callback.
const EVENT_EMIT = /(^|\.)emit$/;
// What a callback's properties are read for; any other property (`stat.ino`, `stat.isFile()`) makes it a value.
const FUNCTION_PROPERTIES = new Set(['call', 'apply', 'bind', 'length', 'name']);

// Node's own callback APIs a parameter may be handed on to: `fs.stat(p, fn)`, `setImmediate(fn)`.
const NODE_CALLBACK_CALLEE = /^((fs|process)\.(?!\w*Sync$)\w+|setImmediate|setTimeout|queueMicrotask)$/;

const lastSegment = (text) => text.slice(text.lastIndexOf('.') + 1);

/**
 * What a function's last parameter shows of being a callback: its name (cb, callback, done,
 * next), a call of it, and the calls it is handed on to last (their callee texts), unless it is
 * an event argument, a value whose properties are read, or the error of an error-first callback.
 * Whether a hand-on makes it a callback is decided per file (see resolveCallbackFunctions).
 */
function lastParamUse(fn) {
  const none = { byName: false, called: false, handedTo: [] };
  const name = paramName(fn.params[fn.params.length - 1]);
  if (name === undefined) return none;
  // `function (err) { … }` is an error-first callback, not a function that takes one.
  if (fn.params.length === 1 && isErrorParam(fn.params[0])) return none;
  const byName = CALLBACK_NAME.test(name);
  let called = false;
  let readAsValue = false;
  const handedTo = [];
  walk(fn.body, (node) => {
    if (node.type === 'MemberExpression' && node.object.type === 'Identifier' && node.object.name === name) {
      const property = node.computed ? undefined : node.property.name;
      if (!FUNCTION_PROPERTIES.has(property)) readAsValue = true;
    }
    if (!isCall(node)) return;
    if (node.callee.type === 'Identifier' && node.callee.name === name) called = true;
    const last = node.arguments[node.arguments.length - 1];
    const callee = calleeText(node.callee);
    if (last && last.type === 'Identifier' && last.name === name && !EVENT_EMIT.test(callee)) handedTo.push(callee);
  });
  return { byName, called, handedTo: readAsValue ? [] : handedTo };
}

/**
 * Which of a file's functions take a callback: by name or by a call, or by handing the
 * parameter on last to Node's callback APIs or to a function of the file that takes one
 * (matched by name or by its last member name, `this._read` → `Glob.prototype._read`), to a
 * fixed point, so a value walked through local helpers (`startCopy(source)` →
 * `getStats(source)`) or handed to `path.join` is not a callback. Other callees say nothing.
 */
function resolveCallbackFunctions(candidates) {
  const isCallback = candidates.map((candidate) => candidate.use.byName || candidate.use.called);
  const byName = new Map();
  candidates.forEach((candidate, index) => {
    if (candidate.name === undefined) return;
    for (const key of new Set([candidate.name, lastSegment(candidate.name)])) {
      if (!byName.has(key)) byName.set(key, []);
      byName.get(key).push(index);
    }
  });
  const takesCallback = (callee) =>
    NODE_CALLBACK_CALLEE.test(callee) || (byName.get(callee) || byName.get(lastSegment(callee)) || []).some((index) => isCallback[index]);
  for (let changed = true; changed; ) {
    changed = false;
    candidates.forEach((candidate, index) => {
      if (isCallback[index] || !candidate.use.handedTo.some(takesCallback)) return;
      isCallback[index] = true;
      changed = true;
    });
  }
  return isCallback;
}

const isAsyncIife = (node) => isCall(node) && node.type !== 'NewExpression' && isFunctionLiteral(node.callee) && node.callee.async === true;

// The dual API's helper: `return settleCallback(loadAsync(file), cb)` is the callback form of an async function.
const DUAL_HELPER = /^settleCallback\w*$/;

/**
 * Async, or the dual API: its body returns a call that hands on an async IIFE
 * (`return settleCallback((async () => …)(), cb)`) or the promise of an async function
 * through the dual helper (`return settleCallback(loadAsync(file), cb)`).
 */
function isConverted(fn) {
  if (fn.async) return true;
  if (!fn.body || fn.body.type !== 'BlockStatement') return false;
  return fn.body.body.some(
    (statement) =>
      statement.type === 'ReturnStatement' &&
      statement.argument &&
      (isAsyncIife(statement.argument) ||
        (isCall(statement.argument) && (statement.argument.arguments.some(isAsyncIife) || DUAL_HELPER.test(calleeText(statement.argument.callee))))),
  );
}

function isMiddleware(fn) {
  const names = fn.params.map(paramName);
  const tail = names.slice(-3);
  if (names.length < 3 || names.length > 4 || names.length === 4 && !ERROR_NAMES.has(names[0])) return false;
  return /^req(uest)?$/.test(tail[0] || '') && /^res(ponse)?$/.test(tail[1] || '') && tail[2] === 'next';
}

/** The name a function is known by: declaration, variable, assignment target, method key. */
function functionName(fn, parent) {
  if (fn.id && fn.id.name) return fn.id.name;
  if ((fn.type === 'ObjectMethod' || fn.type.startsWith('Class')) && fn.key) return fn.key.name || (fn.key.value !== undefined ? String(fn.key.value) : undefined);
  if (!parent) return undefined;
  if (parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if (parent.type === 'AssignmentExpression') return calleeText(parent.left) || undefined;
  if (parent.type === 'ObjectProperty' && parent.key) return parent.key.name || (parent.key.value !== undefined ? String(parent.key.value) : undefined);
  return undefined;
}

// The columns. visit(node, parent, ctx) adds to ctx.counts[id]; ctx.wrapperParams holds the
// parameters of function literals handed to a promise wrapper (see errFirstWrapped).
const METRICS = [
  {
    id: 'errFirst',
    header: 'err-first',
    doc: 'error-first callbacks: calls whose last argument is a function literal whose first parameter is named err/error/er/e or typed as an Error (not .then/.catch/.finally handlers), plus callbacks handed on inside a promise wrapper (errFirstLiterals + errFirstWrapped)',
    visit(node, parent, ctx) {
      if (!isCall(node) || PROMISE_HANDLER.test(calleeText(node.callee))) return;
      const last = node.arguments[node.arguments.length - 1];
      if (isErrorFirstLiteral(last)) {
        ctx.counts.errFirst++;
        ctx.counts.errFirstLiterals++;
      } else if (last && last.type === 'Identifier' && ctx.wrapperParams.has(last.name) && !NOT_A_CALLBACK_API.test(calleeText(node.callee))) {
        ctx.counts.errFirst++;
        ctx.counts.errFirstWrapped++;
      }
    },
  },
  { id: 'errFirstLiterals', header: 'literals', doc: 'error-first callback literals alone', visit() {} },
  {
    id: 'errFirstWrapped',
    header: 'wrapped',
    doc: 'calls inside a function literal handed to a promise wrapper (new Promise, fromCallback, promisify, settleCallback) whose last argument is a parameter of that literal (not a queue push, a listener or a timer)',
    visit() {},
  },
  {
    id: 'callbackFunctions',
    header: 'cb-fns',
    doc: 'functions whose last parameter is a callback, by name (cb, callback, done, next) or by use (called, or handed on as the last argument to a Node callback API or to a function of the same file that takes a callback, with no property read but call/apply/bind/length/name); the lone error of an error-first callback is none',
    visit(node, parent, ctx) {
      if (!isFunction(node)) return;
      const use = node.params.length > 0 ? lastParamUse(node) : { byName: false, called: false, handedTo: [] };
      const name = functionName(node, parent);
      const entry = name === undefined ? undefined : { name, line: node.loc.start.line, endLine: node.loc.end.line, callback: false, converted: isConverted(node) };
      if (entry) ctx.functions.push(entry);
      ctx.callbackCandidates.push({ name, use, entry });
    },
  },
  {
    id: 'asyncFunctions',
    header: 'async',
    doc: 'async functions of any form (declarations, expressions, arrows, methods)',
    visit(node, parent, ctx) {
      if (isFunction(node) && node.async) ctx.counts.asyncFunctions++;
    },
  },
  {
    id: 'asyncIifes',
    header: 'iife',
    doc: 'async IIFEs: an async function literal called on the spot',
    visit(node, parent, ctx) {
      if (isAsyncIife(node)) ctx.counts.asyncIifes++;
    },
  },
  {
    id: 'awaits',
    header: 'await',
    doc: 'await expressions',
    visit(node, parent, ctx) {
      if (node.type === 'AwaitExpression') ctx.counts.awaits++;
    },
  },
  {
    id: 'middleware',
    header: 'mw',
    doc: 'Express-style middleware: (req, res, next) or (err, req, res, next)',
    visit(node, parent, ctx) {
      if (isFunction(node) && isMiddleware(node)) ctx.counts.middleware++;
    },
  },
  {
    id: 'middlewareConverted',
    header: 'mw-async',
    doc: 'middleware that is async or returns an async IIFE (must stay 0: middleware must not convert)',
    visit(node, parent, ctx) {
      if (isFunction(node) && isMiddleware(node) && isConverted(node)) ctx.counts.middlewareConverted++;
    },
  },
];

const METRIC_IDS = METRICS.map((metric) => metric.id);

function zeroCounts() {
  return Object.fromEntries(METRIC_IDS.map((id) => [id, 0]));
}

function parseSource(source, filename, extra = {}) {
  const typescript = /\.(c|m)?tsx?$/.test(filename);
  const base = {
    sourceType: 'unambiguous',
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    allowHashBang: true,
    errorRecovery: false,
    ...extra,
  };
  const attempts = typescript ? [['typescript', ...(filename.endsWith('x') ? ['jsx'] : [])]] : [['jsx'], []];
  let lastError;
  for (const plugins of attempts) {
    try {
      return parse(source, { ...base, plugins });
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/**
 * Counts one source text: { counts: {metric id: number}, functions: [{name, line, endLine, callback, converted}], parseError? }.
 */
function countSource(source, filename = 'file.js') {
  const ctx = { counts: zeroCounts(), functions: [], wrapperParams: new Map(), callbackCandidates: [] };
  let ast;
  try {
    ast = parseSource(source, filename);
  } catch (error) {
    return { counts: ctx.counts, functions: [], parseError: `${filename}: ${error.message}` };
  }
  walkWithWrappers(ast.program, ctx);
  resolveCallbackFunctions(ctx.callbackCandidates).forEach((isCallback, index) => {
    if (!isCallback) return;
    ctx.counts.callbackFunctions++;
    const { entry } = ctx.callbackCandidates[index];
    if (entry) entry.callback = true;
  });
  return { counts: ctx.counts, functions: ctx.functions };
}

// Walks the program, keeping track of the parameters of function literals that are an
// argument of a promise wrapper while inside them.
function walkWithWrappers(root, ctx) {
  const visit = (node, parent) => {
    for (const metric of METRICS) metric.visit(node, parent, ctx);
  };
  const enter = (node, parent) => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) enter(item, parent);
      return;
    }
    if (typeof node.type !== 'string') return;
    visit(node, parent);
    const wrapped = isFunctionLiteral(node) && parent && isCall(parent) && parent.arguments.includes(node) && WRAPPER_CALLEE.test(calleeText(parent.callee));
    const names = wrapped ? node.params.map(paramName).filter(Boolean) : [];
    for (const name of names) ctx.wrapperParams.set(name, (ctx.wrapperParams.get(name) || 0) + 1);
    for (const key of Object.keys(node)) {
      if (SKIP_KEYS.has(key)) continue;
      const value = node[key];
      if (value !== null && typeof value === 'object') enter(value, node);
    }
    for (const name of names) {
      const left = ctx.wrapperParams.get(name) - 1;
      if (left === 0) ctx.wrapperParams.delete(name);
      else ctx.wrapperParams.set(name, left);
    }
  };
  enter(root, null);
}

function addCounts(total, counts) {
  for (const id of Object.keys(counts)) total[id] = (total[id] || 0) + counts[id];
  return total;
}

/**
 * Callback APIs converted: named functions that took a callback before and are async (or
 * return an async IIFE through the dual API) after, matched by name (as many as both sides have).
 */
function convertedApis(beforeFunctions, afterFunctions) {
  const wanted = new Map();
  for (const fn of beforeFunctions) if (fn.callback && !fn.converted) wanted.set(fn.name, (wanted.get(fn.name) || 0) + 1);
  const found = new Map();
  for (const fn of afterFunctions) if (fn.converted) found.set(fn.name, (found.get(fn.name) || 0) + 1);
  const names = [];
  for (const [name, count] of wanted) {
    const converted = Math.min(count, found.get(name) || 0);
    for (let i = 0; i < converted; i++) names.push(name);
  }
  return { total: [...wanted.values()].reduce((sum, count) => sum + count, 0), converted: names.length, names: names.sort() };
}

module.exports = { METRICS, METRIC_IDS, countSource, parseSource, walk, isFunction, addCounts, zeroCounts, convertedApis, isErrorParam };
