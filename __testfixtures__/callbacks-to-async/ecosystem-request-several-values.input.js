// Checks: request 2 calls back with (err, response, body): the table says so, and the call
// becomes the file's fromCallback wrapper resolving both values as an array.
// awaitify-fixture: options {"dependencies": {"request": "^2.88.0"}}
const http = require('http');
const request = require('request');

const server = http.createServer((req, res) => res.end('pong ' + req.url));
server.listen(0, '127.0.0.1', () => {
  const url = `http://127.0.0.1:${server.address().port}/ping`;
  request(url, (err, response, body) => {
    if (err) throw err;
    console.log(response.statusCode, body);
    server.close();
  });
  console.log('requested');
});
