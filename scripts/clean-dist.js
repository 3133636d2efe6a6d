// Every build starts from an empty dist/: tsc never deletes the output of a source file that is
// gone, and `npm pack` would ship it.
const fs = require('node:fs');
const path = require('node:path');

fs.rmSync(path.join(__dirname, '..', 'dist'), { recursive: true, force: true });
