// Checks (refusal): the callback is handed to a stream's write, whose callback follows the
// stream's own events (timing/event-emitter-callback).
const fs = require('fs');

function writeLine(stream, line, cb) {
  stream.write(line + '\n', cb);
}

const out = fs.createWriteStream('out.txt');
writeLine(out, 'hello', (err) => {
  if (err) throw err;
  console.log('written');
  out.end();
});
