// `npm run demo`: a dry run of awaitify over examples/ as a user would type it, then one line
// that says what the output above showed (read from the run's own JSON report).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'awaitify-demo-'));
const reportFile = path.join(scratch, 'report.json');
try {
  const result = spawnSync(process.execPath, [path.join(root, 'dist/bin/awaitify.js'), 'examples', '--report-file', reportFile], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0 || !fs.existsSync(reportFile)) {
    console.error(`Demo: awaitify exited with ${result.status ?? result.signal}; see above.`);
    process.exitCode = result.status || 1;
  } else {
    const { files, summary } = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
    const findings = files.flatMap((file) => file.findings);
    const rewritten = findings.filter((finding) => finding.applied).length;
    const left = findings.length - rewritten;
    console.log(
      `Demo: a dry run over examples/ (a small callback-era Node app): ${summary.changed} of ${summary.scanned} files would change as the diffs above show, ` +
        `with ${rewritten} notes on where timing moves in the rewritten code and ${left} spots left as they were, each with its reason; nothing was written.`,
    );
  }
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
