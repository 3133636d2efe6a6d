// Checks (refusal): the callback is an event listener, called once per event, not once
// (timing/event-emitter-callback).
const { EventEmitter } = require('events');

function onEveryLine(emitter, cb) {
  emitter.on('line', cb);
}

const lines = new EventEmitter();
onEveryLine(lines, (line) => console.log('line:', line));
setImmediate(() => {
  for (const line of ['first', 'second']) lines.emit('line', line);
});
