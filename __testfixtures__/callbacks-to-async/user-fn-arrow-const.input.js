// Checks: an arrow function held in a const, taking a callback, converts like a declaration.
const fs = require('fs');

const upperCase = (path, done) => {
  fs.readFile(path, 'utf8', (error, text) => {
    if (error) {
      done(error);
      return;
    }
    done(null, text.toUpperCase());
  });
};

upperCase('other.txt', (err, upper) => {
  if (err) throw err;
  console.log(upper.trim());
});
console.log('after upperCase call');
