// tsc keeps the shebang of bin/awaitify.ts but writes files without the executable bit.
const fs = require('node:fs');
const path = require('node:path');

fs.chmodSync(path.join(__dirname, '..', 'dist', 'bin', 'awaitify.js'), 0o755);
