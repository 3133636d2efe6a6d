// Checks: a return inside a handler of an awaited chain leaves the handler only, and code
// follows the chain; inlined, the return would leave the whole function. awaitify leaves it as
// it is and says why.
const fsp = require('fs/promises');

async function describe(file) {
  const size = await fsp.stat(file).then((st) => {
    if (st.size > 20) return 'large';
    return st.size + ' bytes';
  });
  console.log('after the chain, still in describe');
  return size;
}

describe('input.txt').then((text) => console.log(text));
