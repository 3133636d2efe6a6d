// Checks: `// awaitify-ignore-next-line` above a chain leaves that chain as it is (reported as
// ignored), and the rest of the file still converts.
function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const log = (message) => console.log(message);

// awaitify-ignore-next-line
setTimeout(() => {
  log('left chain: step 1');
  setTimeout(() => log('left chain: step 2'), 5);
}, 5);

(async () => {
  await delay(5);
  log('converted chain: step 1');
  await delay(5);
  log('converted chain: step 2');
})();
