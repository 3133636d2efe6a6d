// Checks (refusal): `.catch(TypeError, fn)` is a Bluebird filter, not a native promise method
// (a native catch ignores the second argument): no rewrite keeps its meaning, so it stays.
async function parse(load) {
  return load().then((text) => JSON.parse(text)).catch(SyntaxError, () => ({}));
}

parse(async () => '{"a": 1}').then((value) => console.log('parsed', value.a));
