'use strict';
// Loaded with `node --require` before a fixture runs (test/execution/harness.ts). It wraps
// process.stdout.write and process.stderr.write and records every write, in the order the
// program made them, as one JSON line in the file named by AWAITIFY_TRACE_FILE:
//   { "s": "out" | "err", "t": <text written>, "l": <line in the script> | null }
// `l` is the line of the innermost stack frame in the script itself (the statement that
// printed), null when no frame is in the script (a warning Node prints on its own).
// AWAITIFY_TRACE_SCRIPT may name several files of one program, joined by path.delimiter; a
// frame in the n-th of them (0: the script) is recorded as n * 100000 + its line.
// Output Node writes without these methods (the report of an uncaught exception) is not
// recorded; the harness appends it from the raw stream. The program sees no difference:
// the variable is removed from process.env and the stack limit and formatter are restored.

const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const traceFile = process.env.AWAITIFY_TRACE_FILE;
const scriptPath = process.env.AWAITIFY_TRACE_SCRIPT;
delete process.env.AWAITIFY_TRACE_FILE;
delete process.env.AWAITIFY_TRACE_SCRIPT;

if (traceFile && scriptPath) {
  const traceFd = fs.openSync(traceFile, 'a');
  const scriptFiles = new Map();
  scriptPath.split(path.delimiter).forEach((file, index) => {
    scriptFiles.set(path.resolve(file), index);
    scriptFiles.set(pathToFileURL(path.resolve(file)).href, index);
  });

  const callSites = (_error, sites) => sites;

  /** The line of the innermost frame in the program's files (offset by file), or null. */
  function scriptLine() {
    const savedLimit = Error.stackTraceLimit;
    const savedPrepare = Error.prepareStackTrace;
    Error.stackTraceLimit = Infinity;
    Error.prepareStackTrace = callSites;
    try {
      const holder = {};
      Error.captureStackTrace(holder, scriptLine);
      const sites = holder.stack;
      if (!Array.isArray(sites)) return null;
      for (const site of sites) {
        const file = site.getFileName();
        if (file && scriptFiles.has(file)) return scriptFiles.get(file) * 100000 + site.getLineNumber();
      }
      return null;
    } finally {
      Error.stackTraceLimit = savedLimit;
      Error.prepareStackTrace = savedPrepare;
    }
  }

  function textOf(chunk, encoding) {
    if (typeof chunk === 'string') {
      return typeof encoding === 'string' && Buffer.isEncoding(encoding) && !/^utf-?8$/i.test(encoding)
        ? Buffer.from(chunk, encoding).toString('utf8')
        : chunk;
    }
    if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');
    return String(chunk);
  }

  function wrap(stream, tag) {
    const write = stream.write;
    stream.write = function tracedWrite(chunk, encoding, callback) {
      try {
        const record = { s: tag, t: textOf(chunk, encoding), l: scriptLine() };
        fs.writeSync(traceFd, JSON.stringify(record) + '\n');
      } catch {
        // Recording must never change what the program does; a lost record shows as a diff.
      }
      return write.apply(this, arguments);
    };
  }

  wrap(process.stdout, 'out');
  wrap(process.stderr, 'err');
}
