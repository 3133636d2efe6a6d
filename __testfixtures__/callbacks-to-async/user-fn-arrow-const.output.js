// Checks: an arrow function held in a const, taking a callback, converts like a declaration.
const fsp = require('fs/promises');

const upperCase = async (path) => {
  let text;
  try {
    text = await fsp.readFile(path, 'utf8');
  } catch (error) {
    throw error;
  }
  return text.toUpperCase();
};

(async () => {
  const upper = await upperCase('other.txt');
  console.log(upper.trim());
})();
console.log('after upperCase call');
