// Checks: a returned chain of three links becomes one await: its value is seen two ticks
// earlier, so a concurrent chain's steps now print after it; the finding gives the count.
// awaitify-fixture: output-differs timing/microtask-ticks-changed
async function total() {
  const one = await Promise.resolve(1);
  const two = one + 1;
  return two * 2;
}

async function main() {
  const ticker = Promise.resolve()
    .then(() => console.log('tick 1'))
    .then(() => console.log('tick 2'))
    .then(() => console.log('tick 3'))
    .then(() => console.log('tick 4'));
  console.log('total', await total());
  await ticker;
}

main();
