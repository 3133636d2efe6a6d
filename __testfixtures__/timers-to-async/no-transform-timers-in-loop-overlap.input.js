// Checks: chains started in a loop run side by side (their waits overlap); they are left as
// is rather than turned into awaits that would run one iteration after another.
const log = (message) => console.log(message);

for (const name of ['a', 'b', 'c']) {
  setTimeout(() => {
    log(`${name}: first`);
    setTimeout(() => log(`${name}: second`), 10);
  }, 10);
}
log('loop done');
