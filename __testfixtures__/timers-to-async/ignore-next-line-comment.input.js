// Checks: `// awaitify-ignore-next-line` above a chain leaves that chain as it is (reported as
// ignored), and the rest of the file still converts.
const log = (message) => console.log(message);

// awaitify-ignore-next-line
setTimeout(() => {
  log('left chain: step 1');
  setTimeout(() => log('left chain: step 2'), 5);
}, 5);
setTimeout(() => {
  log('converted chain: step 1');
  setTimeout(() => log('converted chain: step 2'), 5);
}, 5);
