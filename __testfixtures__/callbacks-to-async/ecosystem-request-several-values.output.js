// Checks: request 2 calls back with (err, response, body): the table says so, and the call
// becomes the file's fromCallback wrapper resolving both values as an array.
// awaitify-fixture: options {"dependencies": {"request": "^2.88.0"}}
const http = require('http');
const request = require('request');

// awaitify: a promise of what an error-first callback receives (rejects on any truthy error).
function fromCallback(start) {
  return new Promise((resolve, reject) => {
    start((err, ...values) => (err ? reject(err) : resolve(values)));
  });
}

const server = http.createServer((req, res) => res.end('pong ' + req.url));
server.listen(0, '127.0.0.1', () => {
  const url = `http://127.0.0.1:${server.address().port}/ping`;
  (async () => {
    const [response, body] = await fromCallback((done) => request(url, done));
    console.log(response.statusCode, body);
    server.close();
  })();
  console.log('requested');
});
