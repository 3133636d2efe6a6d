// Checks: an interval with an async callback is left as is: the next tick does not wait for
// the callback's awaits, a loop would.
const log = (message) => console.log(message);

let n = 0;
const id = setInterval(async () => {
  n += 1;
  const current = n;
  if (current === 2) clearInterval(id);
  await null;
  log(`tick ${current} done`);
}, 5);
