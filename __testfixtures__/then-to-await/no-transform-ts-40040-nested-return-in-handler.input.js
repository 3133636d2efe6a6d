// Checks: a nested return in a handler followed by another link (TypeScript issue 40040: the
// quick fix hoisted `return 1` to the function, which then returned 1 instead of 2). Left as
// is, so the function still gives 2.
function getTheNumber(flag) {
  return Promise.resolve()
    .then(() => {
      if (flag) {
        return 1;
      }
    })
    .then(() => {
      return 2;
    });
}

getTheNumber(true).then((n) => console.log('the number is', n));
