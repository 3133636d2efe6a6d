// Checks: handlers with more parameters than the promise passes, a return inside a loop of a
// handler, a generator handler and a handler passed as a parameter are left as is, each with
// its reason.
const fsp = require('fs/promises');

function withExtra() {
  return fsp.readFile('input.txt', 'utf8').then((text, extra) => text.length + String(extra));
}

function firstLong() {
  return fsp.readFile('input.txt', 'utf8').then((text) => {
    for (const line of text.split('\n')) {
      if (line.length > 10) return line;
    }
    return 'none';
  });
}

function generatorHandler() {
  return Promise.resolve(2).then(function* (n) {
    yield n;
  });
}

function through(handler) {
  return Promise.resolve('value').then(handler);
}

async function main() {
  console.log(await withExtra());
  console.log(await firstLong());
  console.log(typeof (await generatorHandler()).next);
  console.log(await through((value) => value.toUpperCase()));
}

main();
