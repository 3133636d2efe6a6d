// Checks: a named timer callback that is also called directly is left as is: its body cannot
// move into the flow while another caller still needs it.
const log = (message) => console.log(message);

function step(label) {
  log(`step ${label}`);
  setTimeout(() => log(`after step ${label}`), 5);
}

setTimeout(step, 5, 'from the timer');
step('called directly');
