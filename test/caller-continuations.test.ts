import { describe, expect, it } from 'vitest';
import { transformSource } from '../src/engine/transform-source';

/**
 * The span of timing/sync-callback-now-async over a call of a callee that may call back
 * synchronously: the call's own block, and the code after the calls of the functions that hold
 * it, up to the top level (src/transforms/callbacks-to-async/caller-continuations.ts; fuzzer
 * seed 811458). The executed fixture is sync-callback-caller-of-host-flagged.
 */

const zalgoTask = `const fs = require('fs');
function task(input, cb) {
  if (input === 'missing.txt') return cb(new Error('refused'));
  fs.readFile(input, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.length);
  });
}
`;

function syncSpans(source: string, options: Parameters<typeof transformSource>[1] = {}) {
  const result = transformSource(source, { path: 'input.js', transforms: ['callbacks-to-async'], ...options });
  const spans = result.findings
    .filter((finding) => finding.ruleId === 'timing/sync-callback-now-async' && finding.messageId !== 'zalgoAllowed')
    .map((finding) => `${finding.messageId} ${finding.applied ? 'applied' : 'refused'} ${finding.line}-${finding.endLine}`);
  return { result, spans };
}

describe('timing/sync-callback-now-async spans the callers of the function holding the call', () => {
  it('covers the code after each call of the host, and after the calls of its callers, to the top level', () => {
    const source = `${zalgoTask}function main() {
  task('missing.txt', (err) => {
    console.log('continuation', !!err);
  });
}
function start() {
  main();
  console.log('after main');
}
start();
console.log('end');
main();
`;
    const { result, spans } = syncSpans(source);
    expect(result.output).toContain('async function main()');
    // The call in main (its block), main() in start (to start's end), start() and main() at the top (to the file's end).
    expect(spans.sort()).toEqual(['callerContinuation applied 10-13', 'callerContinuation applied 15-17', 'callerContinuation applied 18-20', 'callerContinuation applied 20-20'].sort());
  });

  it('stops at a callback that runs in a job of its own', () => {
    const source = `${zalgoTask}setTimeout(() => {
  task('missing.txt', (err) => {
    console.log('continuation', !!err);
  });
  console.log('in the timer');
});
console.log('end');
`;
    const { spans } = syncSpans(source);
    // The timer's callback: nothing of the top level runs after it synchronously.
    expect(spans).toEqual(['callerContinuation applied 10-14']);
  });

  it('goes on from a tick past its registration: the ticks queued after it now run before the continuation', () => {
    const source = `${zalgoTask}setTimeout(() => {
  process.nextTick(() => {
    task('missing.txt', (err) => console.log('continuation', !!err));
  });
  process.nextTick(() => console.log('second tick'));
});
console.log('end');
`;
    const { spans } = syncSpans(source);
    // The call's block (11-12), and from the tick's registration to the timer callback's end (10-14);
    // not the top level: the timer callback runs in a job of its own (fuzzer seed 5001885).
    expect(spans.sort()).toEqual(['callerContinuation applied 10-14', 'callerContinuation applied 11-12']);
  });

  it('stops after an await of the same function: the second call runs in a promise job', () => {
    const source = `${zalgoTask}task('missing.txt', () => {
  task('missing.txt', () => console.log('second'));
  console.log('after the second call');
});
console.log('end');
`;
    const { result, spans } = syncSpans(source);
    expect(result.output).toContain('await task(');
    // The first call: to the end of the file. The second, inside the async IIFE after the first
    // await: to the end of the IIFE's block, which has no position of its own (so the file's
    // end), and no span at the IIFE's call: its caller resumed before the second call ran.
    expect(spans.sort()).toEqual(['callerContinuation applied 10-13', 'callerContinuation applied 9-13']);
  });

  it('refuses a package callee that may call back synchronously when the holding function is exported', () => {
    const source = `const { asyncMap } = require('slide');
function mapAll(list) {
  asyncMap(list, (name, cb) => cb(null, name), (er, names) => {
    if (er) throw er;
    console.log('mapped', names.join(','));
  });
}
module.exports = mapAll;
`;
    const { result, spans } = syncSpans(source, { dependencies: { slide: '~1.1.3' } });
    expect(result.output ?? source).toContain('asyncMap(list, (name, cb)');
    expect(spans).toEqual(['callerContinuationUnbounded refused 3-6']);
  });

  it('flags the callers of the same package callee when the holding function is only called here', () => {
    const source = `const { asyncMap } = require('slide');
function mapAll(list) {
  asyncMap(list, (name, cb) => cb(null, name), (er, names) => {
    if (er) throw er;
    console.log('mapped', names.join(','));
  });
}
mapAll([]);
console.log('end');
`;
    const { result, spans } = syncSpans(source, { dependencies: { slide: '~1.1.3' } });
    expect(result.status).toBe('changed');
    expect(spans.sort()).toEqual(['callerContinuation applied 3-7', 'callerContinuation applied 8-9']);
  });
});
