'use strict';
// Preloaded by the benchmarks (node --require): writes the process's peak resident set size,
// in KB, when it exits: to the file AWAITIFY_MAX_RSS_FILE names, or to a file of its own (by
// process id) in the folder AWAITIFY_MAX_RSS_DIR names, for runs that fork node children.
const fs = require('fs');
const path = require('path');

const file = process.env.AWAITIFY_MAX_RSS_FILE;
const dir = process.env.AWAITIFY_MAX_RSS_DIR;
if (file || dir) {
  process.on('exit', () => fs.writeFileSync(file || path.join(dir, String(process.pid)), String(process.resourceUsage().maxRSS)));
}
