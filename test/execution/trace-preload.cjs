// Loaded with `node --require` before a script runs (see trace.ts). Every write to
// process.stdout or process.stderr goes to stdout as one JSON record: the stream, the source
// line in the script of the statement that wrote it, and the text. One merged stream keeps the
// order of stdout against stderr; the line lets a difference be traced to a statement.
'use strict';

const script = process.argv[1];
const scriptUrl = script ? require('node:url').pathToFileURL(script).href : undefined;
const writeStdout = process.stdout.write.bind(process.stdout);

/** The line of the innermost stack frame in the script itself, or 0 when none is. */
function scriptLine() {
  const savedPrepare = Error.prepareStackTrace;
  const savedLimit = Error.stackTraceLimit;
  Error.prepareStackTrace = (_error, frames) => frames;
  Error.stackTraceLimit = 50;
  const holder = {};
  Error.captureStackTrace(holder, scriptLine);
  const frames = holder.stack;
  Error.prepareStackTrace = savedPrepare;
  Error.stackTraceLimit = savedLimit;
  for (const frame of Array.isArray(frames) ? frames : []) {
    const file = frame.getFileName();
    if (file === script || file === scriptUrl) return frame.getLineNumber() || 0;
  }
  return 0;
}

function tag(stream) {
  return function write(chunk, encoding, callback) {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString(typeof encoding === 'string' ? encoding : 'utf8');
    const done = typeof encoding === 'function' ? encoding : callback;
    return writeStdout(`${JSON.stringify({ s: stream, l: scriptLine(), t: text })}\n`, done);
  };
}

process.stdout.write = tag('out');
process.stderr.write = tag('err');
