import { afterAll, describe, expect, it } from 'vitest';
import { droppedValueMethods, readMemberReads } from '../src/analysis/member-reads';
import { parseForModel } from '../src/analysis/module-facts';
import { buildPackageModel } from '../src/analysis/package-model';
import { makeTree, removeTrees } from './temp-trees';

afterAll(removeTrees);

function reads(source: string) {
  return readMemberReads(parseForModel(source, 'file.js').program);
}

describe('readMemberReads: which property names a file may call and use the result of', () => {
  it('a call whose value is dropped reads nothing; one whose value is used, or the function taken, reads the name', () => {
    expect(reads('self._stat(); void self._go(); X.prototype._run.call(self, 1); X.prototype._up.apply(self, []);')).toEqual({ names: [], prefixes: [], dynamic: false });
    expect(reads('var r = self.a(); return self.b(); f(self.c); var e = self.d.call(self); var g = self.f.bind(self);').names).toEqual(['a', 'b', 'bind', 'c', 'call', 'd', 'f']);
  });

  it('`return x.m()` in the inline callback of a Node callback API or a callback library of the table drops the value; elsewhere it is read', () => {
    const header = "var fs = require('graceful-fs');\nvar mkdir = require('mkdirp');\nvar fsp = require('fs');\nvar once = require('once');\n";
    expect(reads(`${header}mkdir(p, function (er) { if (er) return self.a(); return self.b(); }); fsp.stat(p, (er) => self.c()); fs.readFile(p, function () { return self.d(); });`).names).toEqual(['fs', 'mkdirp', 'once']);
    expect(reads(`${header}list.map(function () { return self.a(); }); var f = once(function () { return self.b(); }); p.then(() => self.c()); function g() { return self.d(); } mkdir(p, function () { function h() { return self.e(); } });`).names).toEqual(['a', 'b', 'c', 'd', 'e', 'fs', 'mkdirp', 'once']);
  });

  it('a write, a test, an operator or a copy under the same key never calls the value', () => {
    expect(reads('self.a = 1; if (self.b) {} var t = typeof self.c; !self.d; self.e.length; x = self.f === g; for (var k in o) p[k] = o[k]; p.g = o.g; self.h(1).i;').names).toEqual(['h']);
  });

  it('path\'s and assert\'s functions never call their arguments, through the file\'s own binding only', () => {
    const header = "var path = require('path');\nvar assert = require('assert').ok;\n";
    // `'path'`, `'assert'`: strings handed to require; `ok`: read from its value.
    expect(reads(`${header}path.resolve(self.a, self.b); assert(self.c);`).names).toEqual(['assert', 'ok', 'path']);
    expect(reads(`${header}function f(path) { path.resolve(self.a); }`).names).toEqual(['a', 'assert', 'ok', 'path']);
    expect(reads("var assert = require('assert');\nassert.throws(self.a); assert.equal(self.b, 1);").names).toEqual(['a', 'assert']);
  });

  it('a computed key read from the code: literals, an index, a local array of names, a join that holds `:`', () => {
    const source = `
      fs[follow ? 'stat' : 'lstat'](p, cb);
      var v = fs[follow ? 'stat' : 'lstat'];
      for (var i = 0; i < list.length; i++) use(list[i]);
      var types = ['Directory', 'File'];
      var type;
      for (var j = 0; j < types.length; j++) { type = types[j]; var is = st[type] || st['is' + type]; }
      var k = dev + ':' + ino;
      var link = links[k];
    `;
    expect(reads(source)).toEqual({ names: ['Directory', 'File', 'isDirectory', 'isFile', 'isundefined', 'lstat', 'stat', 'undefined'], prefixes: [], dynamic: false });
  });

  it('a key it cannot tell, whose value may be called, counts against every name; so does `with`', () => {
    expect(reads('function call(obj, name) { return obj[name](); }').dynamic).toBe(true);
    expect(reads('function get(obj, name) { var f = obj[name]; }').dynamic).toBe(true);
    expect(reads('var types = ["a"]; types.push(x); use(o[types[0]]);').dynamic).toBe(true);
    expect(reads('with (o) { m(); }').dynamic).toBe(true);
    // Only tested: nothing calls it.
    expect(reads('function has(obj, name) { return !!obj[name]; }').dynamic).toBe(false);
  });

  it('a string handed to a call reads that name; a prefix joined to an unknown reads every name it starts', () => {
    expect(reads("Reflect.get(o, '_stat'); use(o['on' + event]);")).toEqual({ names: ['_stat'], prefixes: ['on'], dynamic: false });
  });

  it('destructuring reads the names it takes', () => {
    expect(reads('var { a, b: c } = self;').names).toEqual(['a', 'b']);
  });
});

describe('droppedValueMethods: the methods no file of the package reads but as a dropped-value call', () => {
  const files = {
    'package.json': JSON.stringify({ name: 'methods', version: '1.0.0' }),
    'lib/thing.js': `function Thing() {}
Thing.prototype._stat = function () {};
Thing.prototype._create = function () {};
Thing.prototype.write = function () {};
module.exports = Thing;
`,
    'lib/user.js': `var Thing = require('./thing');
var t = new Thing();
t._stat();
t.write('x');
module.exports = function () { return t._create(); };
`,
  };

  it('reads every file: another file that returns the call\'s value keeps the method; a name Node\'s protocols call for its value (a stream\'s write) is never one', async () => {
    const root = await makeTree(files);
    expect([...droppedValueMethods(await buildPackageModel(root))]).toEqual(['_stat']);
  });

  it('none when a file is left out of the model for its size: what it reads is not known', async () => {
    const root = await makeTree({ ...files, 'lib/big.js': `// ${'x'.repeat(600 * 1024)}\n` });
    const model = await buildPackageModel(root);
    expect(model.tooLarge).toEqual(['lib/big.js']);
    expect([...droppedValueMethods(model)]).toEqual([]);
  });

  it('none when some file reads a name it cannot tell', async () => {
    const root = await makeTree({ ...files, 'lib/call.js': 'module.exports = (obj, name) => obj[name]();\n' });
    expect([...droppedValueMethods(await buildPackageModel(root))]).toEqual([]);
  });
});
