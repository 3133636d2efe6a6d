// Checks: a chain on a value not known to be a native promise (a parameter: here a query
// builder's thenable) is converted and flagged; await calls its then as .then did.
const fsp = require('fs/promises');

function query(file) {
  return {
    then(onValue, onError) {
      console.log('query runs');
      return fsp.readFile(file, 'utf8').then(onValue, onError);
    },
  };
}

function firstWord(builder) {
  return builder.then((text) => text.split(' ')[0]);
}

async function main() {
  console.log('word', await firstWord(query('input.txt')));
}

main();
