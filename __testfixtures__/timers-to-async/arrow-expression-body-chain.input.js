// Checks: arrows whose body is the next timer call (`() => setTimeout(…)`): the Timeout they
// return is ignored by the timer, so the chain still converts.
const log = (message) => console.log(message);

setTimeout(() => setTimeout(() => setImmediate(() => log('innermost')), 5), 5);
setTimeout(() => log('plain timer at 5 ms, set after the chain'), 5);
log('after chain');
