// Checks: under --strict, a chain whose rewrite changes the tick count and one on a receiver
// not known to be a native promise are refused, each with the rule that would have flagged it.
// awaitify-fixture: options {"strict": true}
async function doubled() {
  return Promise.resolve(2).then((two) => two * 2).then((four) => four + 1);
}

function firstOf(pending) {
  return pending.then((list) => list[0]);
}

async function main() {
  console.log(await doubled(), await firstOf(Promise.resolve(['a', 'b'])));
}

main();
