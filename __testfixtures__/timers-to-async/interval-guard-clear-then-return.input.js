// Checks: `if (done) { clearInterval(id); return; }` at the top of the callback: the clear
// becomes a break, and the other return (skip this tick) becomes continue.
const log = (message) => console.log(message);

let polls = 0;
const id = setInterval(() => {
  polls += 1;
  if (polls > 4) {
    clearInterval(id);
    return;
  }
  if (polls % 2 === 0) return;
  log(`odd poll ${polls}`);
}, 5);
process.nextTick(() => log('next tick'));
