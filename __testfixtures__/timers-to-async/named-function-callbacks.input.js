// Checks: timer callbacks written as named functions that nothing else uses are moved into
// the flow, and their declarations go; hoisting made them usable before their declarations.
const log = (message) => console.log(message);

log('start');
setTimeout(stepOne, 10);
log('after first call');

function stepOne() {
  log('step one');
  setTimeout(stepTwo, 10);
  log('after second call');
}

function stepTwo() {
  log('step two');
}

Promise.resolve().then(() => log('promise job'));
