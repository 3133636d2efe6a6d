// Checks: a return inside the last handler of a returned chain leaves the handler, which is
// now the function's return: the code after it in the handler is skipped, nothing else.
const fsp = require('fs/promises');

function describe(file) {
  return fsp.stat(file).then((st) => {
    if (st.size > 20) return 'large';
    console.log('small file, counting');
    return st.size + ' bytes';
  });
}

async function main() {
  console.log(await describe('input.txt'));
  console.log(await describe('other.txt'));
  console.log('done');
}

main();
