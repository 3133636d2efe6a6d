// Checks: under --target browser, setImmediate (which browsers lack) is refused; nothing else
// in the chain converts without it.
// awaitify-fixture: options {"target": "browser"}
const log = (message) => console.log(message);

setImmediate(() => {
  log('immediate 1');
  setImmediate(() => log('immediate 2'));
});
