import { parse } from '@babel/parser';
import { describe, expect, it } from 'vitest';
import { calleeAliases, exportedMemberAliases, findMemberAliases, requiredMemberAliases } from '../src/transforms/callbacks-to-async/member-aliases';
import { findModuleBindings } from '../src/transforms/shared/module-bindings';

function programOf(source: string) {
  return parse(source, { sourceType: 'script' }).program;
}

function aliasesOf(source: string) {
  const program = programOf(source);
  return Object.fromEntries(calleeAliases(findMemberAliases(program, findModuleBindings(program))));
}

describe('members set once to a module\'s function (member-aliases.ts)', () => {
  it('reads nedb\'s storage.js: fs functions and a module called itself', () => {
    expect(aliasesOf(`var fs = require('fs'), mkdirp = require('mkdirp'), storage = {};
storage.writeFile = fs.writeFile;
storage.mkdirp = mkdirp;
storage.flush = function (cb) { cb(); };
module.exports = storage;
`)).toEqual({
      'storage.writeFile': { specifier: 'fs', member: 'writeFile' },
      'storage.mkdirp': { specifier: 'mkdirp', member: '' },
    });
  });

  it('leaves out a member written again anywhere, an object written by a computed key or replaced, and objects the file did not make', () => {
    expect(aliasesOf(`var fs = require('fs'), a = {}, b = {}, c = {};
a.stat = fs.stat;
a.lstat = fs.lstat;
function patch() { a.lstat = fs.stat; }
b.stat = fs.stat;
b[name] = null;
c.stat = fs.stat;
c = {};
fs.other = fs.stat;
`)).toEqual({ 'a.stat': { specifier: 'fs', member: 'stat' } });
  });

  it('another file reads the exported object\'s members by the name it requires it under, unless it writes them itself; relative specifiers stay behind', () => {
    const storage = programOf(`var fs = require('fs'), helper = require('./helper'), storage = {};
storage.appendFile = fs.appendFile;
storage.readFile = fs.readFile;
storage.help = helper.run;
module.exports = storage;
`);
    const exported = exportedMemberAliases(storage, findModuleBindings(storage))!;
    expect(exported).toEqual({ appendFile: { specifier: 'fs', member: 'appendFile' }, readFile: { specifier: 'fs', member: 'readFile' } });
    const app = programOf(`var store = require('./storage');
store.readFile = function () {};
`);
    expect(Object.fromEntries(requiredMemberAliases(app, findModuleBindings(app), { './storage': exported }))).toEqual({
      'store.appendFile': { specifier: 'fs', member: 'appendFile' },
    });
  });
});
