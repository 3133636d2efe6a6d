// Checks: a `function` timer callback that uses `this` (the Timeout object in Node) is left as
// is: moved into an async flow, `this` would mean something else.
const log = (message) => console.log(message);

setTimeout(function () {
  log(`this has refresh(): ${typeof this.refresh === 'function'}`);
  setTimeout(() => log('step 2'), 5);
}, 5);
Promise.resolve().then(() => log('promise job'));
