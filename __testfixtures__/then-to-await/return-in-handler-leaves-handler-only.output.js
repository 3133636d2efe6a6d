// Checks: a return inside the last handler of a returned chain leaves the handler, which is
// now the function's return: the code after it in the handler is skipped, nothing else.
const fsp = require('fs/promises');

async function describe(file) {
  const st = await fsp.stat(file);
  if (st.size > 20) return 'large';
  console.log('small file, counting');
  return st.size + ' bytes';
}

async function main() {
  console.log(await describe('input.txt'));
  console.log(await describe('other.txt'));
  console.log('done');
}

main();
