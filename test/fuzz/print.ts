import type { After, Body, ErrorStyle, FsOp, JoinMember, OwnApi, Program, Step } from './grammar';

/**
 * Prints a program model (grammar.ts) as CommonJS source for the execution sandbox
 * (test/execution/sandbox). Every printed line names its step (`s3 …`) so a trace reads back
 * to the model. Timers in a join get distinct delays 30 ms apart; everything else runs one
 * step at a time, so the order never depends on the machine's speed.
 */

import { idiomVariant } from './idiom-variants';

type Lines = string[];

const indent = (lines: Lines): Lines => lines.map((line) => (line === '' ? line : `  ${line}`));
const log = (...parts: string[]) => `console.log(${parts.join(', ')});`;
const quote = (text: string) => `'${text}'`;

interface FsCall {
  args: string[];
  params: string[];
  /** What the success path prints about the value, if there is one. */
  summary?: string;
}

function fsCall(op: FsOp, id: number, fail: boolean): FsCall {
  const readable = ['input.txt', 'config.json', 'other.txt', 'data/a.txt'][id % 4]!;
  const source = fail ? 'missing.txt' : readable;
  switch (op) {
    case 'readFile':
      return { args: [quote(source), quote('utf8')], params: ['err', 'text'], summary: 'text.length' };
    case 'readFileBuffer':
      return { args: [quote(source)], params: ['err', 'data'], summary: 'data.length' };
    case 'stat':
      return { args: [quote(source)], params: ['err', 'stats'], summary: 'stats.size' };
    case 'readdir':
      return { args: [quote(fail ? 'no-such-dir' : 'data')], params: ['err', 'names'], summary: "names.sort().join(',')" };
    case 'writeFile':
      return { args: [quote(fail ? `no-such-dir/out-${id}.txt` : `out-${id}.txt`), quote(`step ${id}\\n`)], params: ['err'] };
    case 'appendFile':
      // An existing file: appending and overwriting leave different files.
      return { args: [quote(fail ? `no-such-dir/out-${id}.txt` : 'logs/app.log'), quote(`step ${id}\\n`)], params: ['err'] };
    case 'access':
      return { args: [quote(source)], params: ['err'] };
    case 'mkdir':
      return { args: [quote(fail ? 'data' : `dir-${id}`)], params: ['err'] };
    case 'copyFile':
      return { args: [quote(source), quote(`copy-${id}.txt`)], params: ['err'] };
    case 'unlink':
      return { args: [quote(fail ? 'missing.txt' : 'other.txt')], params: ['err'] };
  }
}

/** Steps whose callback runs in the poll or timers phase, where an immediate always beats a 0 ms timer. */
const macrotaskMarkersAllowed = new Set<Step['kind']>(['fs', 'exists', 'timeout', 'interval', 'retry', 'join', 'nextLoop']);

class Printer {
  private nextId = 1;
  readonly prelude: Lines[] = [];

  step(step: Step): Lines {
    const id = this.nextId++;
    const label = `s${id}`;
    const body = (summary?: string) => this.body(step.then, label, summary, macrotaskMarkersAllowed.has(step.kind));
    switch (step.kind) {
      case 'fs': {
        const call = fsCall(step.op, id, step.fail);
        const method = step.op === 'readFileBuffer' ? 'readFile' : step.op;
        const params = step.style === 'ignore' ? [] : call.params;
        const inner = this.handled(step.style, label, call.summary && step.style !== 'ignore' ? call.summary : undefined, call.params[1], body);
        const callback = step.functionCallback ? `function (${params.join(', ')}) {` : `(${params.join(', ')}) => {`;
        return [`fs.${method}(${[...call.args, callback].join(', ')}`, ...indent(inner), '});', ...this.after(step.after, label)];
      }
      case 'timeout': {
        const callback = step.functionCallback ? 'function () {' : '() => {';
        return [`setTimeout(${callback}`, ...indent(body()), `}, ${step.delay});`, ...this.after(step.after, label)];
      }
      case 'immediate':
        return ['setImmediate(() => {', ...indent(body()), '});', ...this.after(step.after, label)];
      case 'exists': {
        // Not error-first: the one parameter is the answer (awaited without a try after the rewrite).
        const callback = step.functionCallback ? 'function (found) {' : '(found) => {';
        const path = quote(step.fail ? 'missing.txt' : ['input.txt', 'data', 'other.txt'][id % 3]!);
        return [`fs.exists(${path}, ${callback}`, `  ${log(quote(`${label} exists`), 'found')}`, ...indent(body()), '});', ...this.after(step.after, label)];
      }
      case 'tick':
        return ['process.nextTick(() => {', ...indent(body()), '});', ...this.after(step.after, label)];
      case 'interval':
        return [
          `let ticks${id} = 0;`,
          `const interval${id} = setInterval(() => {`,
          `  ticks${id} += 1;`,
          `  ${log(quote(`${label} tick`), `ticks${id}`)}`,
          `  if (ticks${id} === ${step.ticks}) {`,
          `    clearInterval(interval${id});`,
          ...indent(indent(body())),
          '  }',
          `}, ${step.delay});`,
          ...this.after(step.after, label),
        ];
      case 'retry':
        return [
          `function attempt${id}(n) {`,
          `  ${log(quote(`${label} attempt`), 'n')}`,
          `  if (n < ${step.attempts + 1}) {`,
          `    setTimeout(() => attempt${id}(n + 1), ${step.delay});`,
          '    return;',
          '  }',
          ...indent(body()),
          '}',
          `attempt${id}(1);`,
          ...this.after(step.after, label),
        ];
      case 'join':
        return [
          `const results${id} = [];`,
          `let pending${id} = ${step.members.length};`,
          `function joined${id}() {`,
          `  ${log(quote(`${label} joined`), `results${id}.join(',')`)}`,
          ...indent(body()),
          '}',
          ...step.members.flatMap((member, index) => this.joinMember(member, index, id)),
          ...this.after(step.after, label),
        ];
      case 'nextLoop':
        return [
          `const files${id} = [${step.files.map(quote).join(', ')}];`,
          `let index${id} = 0;`,
          `function next${id}() {`,
          `  if (index${id} === files${id}.length) {`,
          ...indent(indent(body())),
          '    return;',
          '  }',
          `  const file = files${id}[index${id}++];`,
          "  fs.readFile(file, 'utf8', (err, text) => {",
          '    if (err) {',
          `      ${log(quote(`${label} skip`), 'file', 'err.code')}`,
          `      return next${id}();`,
          '    }',
          `    ${log(quote(`${label} read`), 'file', 'text.trim()')}`,
          `    next${id}();`,
          '  });',
          '}',
          `next${id}();`,
          ...this.after(step.after, label),
        ];
      case 'call': {
        const { name, input, summary, trailingOptions } = this.ownApi(step.api, id, step.fail);
        const params = step.style === 'ignore' ? [] : ['err', 'value'];
        const inner = this.handled(step.style, label, step.style === 'ignore' ? undefined : summary, 'value', body);
        const args = [input, ...(trailingOptions ? ['{}'] : []), `(${params.join(', ')}) => {`];
        return [`${name}(${args.join(', ')}`, ...indent(inner), '});', ...this.after(step.after, label)];
      }
    }
  }

  /** A callback's code after its error check, in the given style. */
  private handled(style: ErrorStyle, label: string, summary: string | undefined, valueName: string | undefined, body: (summary?: string) => Lines): Lines {
    const failed = log(quote(`${label} failed`), 'err.code || err.message');
    // Some handlers print on stderr, so the order of the two streams is part of the trace.
    const failedOnStderr = failed.replace('console.log', 'console.error');
    switch (style) {
      case 'throw':
        return ['if (err) throw err;', ...body(summary)];
      case 'return':
        return ['if (err) {', `  ${failedOnStderr}`, '  return;', '}', ...body(summary)];
      case 'ifElse':
        return ['if (err) {', `  ${failed}`, '} else {', ...indent(body(summary)), '}'];
      case 'continue':
        return [`if (err) ${failed}`, ...body(summary && valueName ? `${valueName} === undefined ? 'none' : ${summary}` : undefined)];
      case 'propagate':
      case 'ignore':
        return body(undefined);
    }
  }

  private body(body: Body, label: string, summary: string | undefined, macrotasks: boolean): Lines {
    const lines: Lines = [];
    for (let index = 0; index < body.logs; index += 1) {
      lines.push(index === 0 && summary ? log(quote(`${label} done`), summary) : log(quote(`${label} log ${index + 1}`)));
    }
    if (body.next) lines.push(...this.step(body.next));
    if (body.markers.promise) lines.push(`Promise.resolve().then(() => ${log(quote(`${label} promise job`)).slice(0, -1)});`);
    if (body.markers.macrotasks && macrotasks) {
      lines.push(`setImmediate(() => ${log(quote(`${label} immediate`)).slice(0, -1)});`);
      lines.push(`setTimeout(() => ${log(quote(`${label} timeout 0`)).slice(0, -1)}, 0);`);
    }
    return lines;
  }

  private after(after: After, label: string): Lines {
    const lines: Lines = [];
    if (after.log) lines.push(log(quote(`${label} after call`)));
    if (after.tick) lines.push(`process.nextTick(() => ${log(quote(`${label} tick after call`)).slice(0, -1)});`);
    if (after.promise) lines.push(`Promise.resolve().then(() => ${log(quote(`${label} promise after call`)).slice(0, -1)});`);
    return lines;
  }

  private joinMember(member: JoinMember, index: number, id: number): Lines {
    const settle = `if (--pending${id} === 0) joined${id}();`;
    if (member.kind === 'read') {
      return [
        `fs.readFile(${quote(member.file)}, 'utf8', (err, text) => {`,
        '  if (err) throw err;',
        `  results${id}[${index}] = text.trim();`,
        `  ${settle}`,
        '});',
      ];
    }
    return ['setTimeout(() => {', `  results${id}[${index}] = ${member.value};`, `  ${settle}`, `}, ${15 + 30 * index});`];
  }

  private hasOpened = false;

  /** `opened(name)` logs that a read of `name` starts and returns the name. */
  private addOpened(): void {
    if (this.hasOpened) return;
    this.hasOpened = true;
    this.prelude.unshift(['function opened(name) {', `  ${log(quote('opening'), 'name')}`, '  return name;', '}']);
  }

  /** Adds the own callback function to the prelude; returns how to call it. */
  private ownApi(api: OwnApi, id: number, fail: boolean): { name: string; input: string; summary: string; trailingOptions: boolean } {
    const name = `task${id}`;
    const takesPath = !['timer', 'immediate', 'tick'].includes(api.source);
    const input = takesPath ? quote(fail ? 'missing.txt' : 'input.txt') : fail ? '-1' : String(id);
    const params = api.signature === 'optional' ? ['input', 'options', 'cb'] : ['input', 'cb'];
    const head: Lines = [];
    if (api.signature === 'optional') head.push("if (typeof options === 'function') {", '  cb = options;', '  options = {};', '}');
    if (api.signature === 'default') head.push('cb = cb || function () {};');
    if (api.signature === 'checked') head.push("if (typeof cb !== 'function') throw new TypeError('cb must be a function');");
    const started = api.logAfter ? [log(quote(`${name} started`))] : [];
    const numeric = (schedule: (inner: string) => string) => [
      schedule(['() => {', `  if (input < 0) return cb(new Error('${name} got a negative input'));`, '  cb(null, input * 2);', '}'].join('\n')),
    ];
    let work: Lines;
    switch (api.source) {
      case 'fs':
        work = ["fs.readFile(input, 'utf8', (err, text) => {", '  if (err) return cb(err);', '  cb(null, text.length);', '});'];
        break;
      case 'handOn':
        work = ['fs.stat(input, cb);'];
        break;
      case 'timer':
        work = numeric((inner) => `setTimeout(${inner}, ${10 + (id % 3) * 10});`);
        break;
      case 'immediate':
        work = numeric((inner) => `setImmediate(${inner});`);
        break;
      case 'tick':
        work = numeric((inner) => `process.nextTick(${inner});`);
        break;
      case 'join': {
        // One join in three has a `failed` flag that makes it call back at most once (converted);
        // the others call back once per failing read (refused). Chosen by id, so that programs
        // drawn from a seed stay the same.
        const guarded = id % 3 === 0;
        work = [
          'const sizes = [];',
          'let pending = 2;',
          ...(guarded ? ['let failed = false;'] : []),
          // The second read's path goes through opened(), which prints, and a line prints once
          // both have started: the moment each read starts is in the trace, so running the
          // reads one after the other shows.
          ...['input', "opened('other.txt')"].flatMap((file, index) => [
            `fs.readFile(${file}, 'utf8', (err, text) => {`,
            ...(guarded ? ['  if (failed) return;', '  if (err) {', '    failed = true;', '    return cb(err);', '  }'] : ['  if (err) return cb(err);']),
            `  sizes[${index}] = text.length;`,
            "  if (--pending === 0) cb(null, sizes.join('+'));",
            '});',
          ]),
          log(quote(`${name} reads started`)),
        ];
        this.addOpened();
        break;
      }
      case 'nextLoop':
        work = [
          "const files = [input, 'data/a.txt'];",
          'let index = 0;',
          'let total = 0;',
          'function next() {',
          '  if (index >= files.length) return cb(null, total);',
          "  fs.readFile(files[index++], 'utf8', (err, text) => {",
          '    if (err) return cb(err);',
          '    total += text.length;',
          '    next();',
          '  });',
          '}',
          'next();',
        ];
        break;
      case 'exists':
        // fs-extra's ensure functions: ask fs.exists first (a boolean, never an error), then go on.
        work = [
          "const dir = input === 'missing.txt' ? 'no-such-dir' : 'data';",
          'fs.exists(dir, (found) => {',
          `  ${log(quote(`${name} exists`), 'dir', 'found')}`,
          `  if (!found) return cb(new Error('${name} found no ' + dir));`,
          "  fs.readFile(input, 'utf8', (err, text) => {",
          '    if (err) return cb(err);',
          '    cb(null, text.length);',
          '  });',
          '});',
        ];
        break;
      case 'syncOnSomePath':
        work = [
          `if (input === 'missing.txt') return cb(new Error('${name} refused the path'));`,
          "fs.readFile(input, 'utf8', (err, text) => {",
          '  if (err) return cb(err);',
          '  cb(null, text.length);',
          '});',
        ];
        break;
    }
    // Some ids get the same work written in another idiom (idiom-variants.ts).
    const variant = idiomVariant(api.source, id);
    if (variant) work = variant.lines;
    if (variant?.opened) this.addOpened();
    const body = indent([...head, ...work.flatMap((line) => line.split('\n')), ...started]);
    // One function in four (by id, so that programs drawn from a seed stay the same) is made by
    // a factory: awaitify cannot read it, so its calls are unknown callees.
    if (id % 4 === 2) this.prelude.push([`const ${name} = (function make${name}() {`, `  return function (${params.join(', ')}) {`, ...indent(body), '  };', '})();']);
    else this.prelude.push([`function ${name}(${params.join(', ')}) {`, ...body, '}']);
    const summary = api.source === 'handOn' ? 'value.size' : 'value';
    return { name, input, summary, trailingOptions: api.signature === 'optional' && id % 2 === 0 };
  }
}

/** The program as source text, with a header comment naming what produced it. */
export function printProgram(program: Program, header = 'generated by test/fuzz'): string {
  const printer = new Printer();
  const chain = printer.step(program.first);
  return joinLines([`// ${header}`, "const fs = require('fs');", '', ...printer.prelude.flatMap((fn) => [...fn, '']), ...mainLines(program, chain)]);
}

/** A program of two files: the script, and the module its own callback functions live in. */
export interface PackageSources {
  /** The script (`fixture.js`). */
  main: string;
  /** `lib.js`, required by the script as `./lib`. */
  lib: string;
}

/**
 * The same program split over two files: the own callback functions (and the helpers they use)
 * go to `lib.js`, which exports them, and the script takes them with a destructuring require,
 * so conversion has to go across files (the package model) to reach them.
 */
export function printPackage(program: Program, header = 'generated by test/fuzz'): PackageSources {
  const printer = new Printer();
  const chain = printer.step(program.first);
  const names = printer.prelude.map(declaredName);
  const lib = joinLines([`// ${header}: lib.js`, "const fs = require('fs');", '', ...printer.prelude.flatMap((fn) => [...fn, '']), `module.exports = { ${names.join(', ')} };`]);
  const main = joinLines([
    `// ${header}`,
    "const fs = require('fs');",
    ...(names.length > 0 ? [`const { ${names.join(', ')} } = require('./lib');`] : []),
    '',
    ...mainLines(program, chain),
  ]);
  return { main, lib };
}

/** The call nothing waits for (Program.forget). */
const forgotten: Record<Program['forget'], Lines> = {
  none: [],
  unlink: ["fs.unlink('missing-forgotten.txt', () => {});"],
  close: ["fs.close(fs.openSync('input.txt', 'r'), function () {});"],
  closeBad: ['fs.close(987654, () => {});'],
};

function mainLines(program: Program, chain: Lines): Lines {
  const body = [...chain, ...forgotten[program.forget ?? 'none']];
  const label = program.mainLabel ? ["var label = 'main';"] : [];
  const main = program.inFunction ? ['function main() {', ...indent([...label, ...body]), '}', '', 'main();'] : body;
  return [...main, ...(program.logAtEnd ? [log(quote('end of script'))] : [])];
}

/** The name a prelude entry declares (`function name(` or `const name =`). */
function declaredName(fn: Lines): string {
  const name = /^(?:function (\w+)|const (\w+) =)/.exec(fn[0]!);
  if (!name) throw new Error(`a prelude entry declares no name: ${fn[0]}`);
  return (name[1] ?? name[2])!;
}

const joinLines = (lines: Lines): string => `${lines.join('\n')}\n`;
