// Checks: an early return in the first handler of a returned chain (vscode issue 109401:
// "Convert to async function" made `return true` leave the function, skipping the next link).
// Left as is, so the next link still maps the boolean.
function demo(n) {
  return Promise.resolve(n)
    .then((m) => {
      if (m % 2 === 0) return true;
      return false;
    })
    .then((e) => (e ? 'Even.' : 'Odd.'));
}

demo(4).then((text) => console.log(text));
demo(3).then((text) => console.log(text));
