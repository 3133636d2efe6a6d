// Checks: a retry function called inside a try block is left as is: a throw during its first
// attempt reaches that catch today, and would become a rejection it no longer sees.
const log = (message) => console.log(message);

function attempt(n) {
  if (n === 0) throw new Error('first attempt failed at once');
  log(`attempt ${n}`);
  if (n < 2) setTimeout(() => attempt(n + 1), 5);
}

try {
  attempt(0);
} catch (error) {
  log(`caught: ${error.message}`);
}
attempt(1);
