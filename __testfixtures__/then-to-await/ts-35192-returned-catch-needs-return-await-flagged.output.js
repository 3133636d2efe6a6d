// Checks: a returned .catch(() => fallback) in an async function becomes `return await` inside
// the try, so a rejection still reaches the fallback (TypeScript issue 35192 returned the
// promise inside the try, where the catch never sees its rejection).
const fsp = require('fs/promises');

async function readOr(file, fallback) {
  try {
    return await fsp.readFile(file, 'utf8');
  } catch {
    return fallback;
  }
}

async function main() {
  console.log((await readOr('other.txt', 'none')).trim());
  console.log(await readOr('missing.txt', 'none'));
}

main();
