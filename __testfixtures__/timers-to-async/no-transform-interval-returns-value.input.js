// Checks: an interval callback that returns a value (from a call with side effects) has no
// exact loop form; it is left as is, with a finding.
const log = (message) => console.log(message);

let n = 0;
const id = setInterval(() => {
  n += 1;
  if (n === 3) clearInterval(id);
  return log(`tick ${n}`);
}, 5);
