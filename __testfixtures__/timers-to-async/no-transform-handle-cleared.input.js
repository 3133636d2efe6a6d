// Checks: a chain whose outer timer handle is cleared on some path is left as is: an await
// cannot be cancelled by clearTimeout.
const log = (message) => console.log(message);
const cancel = process.argv.includes('--cancel');

const pending = setTimeout(() => {
  log('step 1');
  setTimeout(() => log('step 2'), 5);
}, 5);
if (cancel) clearTimeout(pending);
log('scheduled');
