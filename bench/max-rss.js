'use strict';
// Preloaded by bench/memory.js (node --require): writes the process's peak resident set size,
// in KB, to the file named by AWAITIFY_MAX_RSS_FILE when the process exits.
const fs = require('fs');

const file = process.env.AWAITIFY_MAX_RSS_FILE;
if (file) process.on('exit', () => fs.writeFileSync(file, String(process.resourceUsage().maxRSS)));
