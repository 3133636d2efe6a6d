'use strict';
// Runs small Node scripts as child processes with child_process.execFile and reports what
// they print. Uses process.execPath so it needs nothing but Node.

const { execFile } = require('child_process');

// Runs a snippet of JavaScript in a fresh Node process.
function runNode(code, cb) {
  execFile(process.execPath, ['-e', code], { timeout: 10000 }, (err, stdout, stderr) => {
    if (err) return cb(err);
    cb(null, stdout.trim(), stderr.trim());
  });
}

execFile(process.execPath, ['-e', 'console.log("hello from a child process")'], (err, stdout) => {
  if (err) throw err;
  console.log('run: the child said:', stdout.trim());

  execFile(process.execPath, ['-e', 'console.error("disk full"); process.exit(3)'], (err, stdout, stderr) => {
    if (err) {
      console.error(`run: the second child failed with exit code ${err.code}: ${stderr.trim()}`);
    } else {
      console.log('run: the second child succeeded?', stdout);
    }

    runNode('console.log(JSON.stringify({ sum: [1, 2, 3].reduce((a, b) => a + b, 0) }))', (err, out) => {
      if (err) {
        console.error('run: runNode failed:', err.message);
        process.exitCode = 1;
        return;
      }
      console.log('run: runNode returned', JSON.parse(out).sum);

      runNode('console.warn("careful"); console.log("done")', (err, out, warnings) => {
        if (err) throw err;
        console.log(`run: output ${JSON.stringify(out)}, warnings ${JSON.stringify(warnings)}`);
      });
    });
  });
  console.log('run: started the second child');
});
console.log('run: started the first child');
