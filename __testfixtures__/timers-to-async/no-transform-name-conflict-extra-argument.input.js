// Checks: a callback parameter named like the timer argument that feeds it
// (`setTimeout((name) => …, 5, name)`): in the flow, `const name = await setTimeout(5, name)`
// would read the new `name` before it exists, so the chain is left as is.
const log = (message) => console.log(message);
const name = 'outer name';

setTimeout((name) => {
  log(`got ${name}`);
  setTimeout(() => log('inner'), 5);
}, 5, name);
