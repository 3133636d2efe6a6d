// Checks: Bluebird-style .spread and .catch(Type, handler) are not native promise methods: the
// chain is left as is (a small library promise stands in for Bluebird).
class LibraryPromise {
  constructor(value) {
    this.promise = Promise.resolve(value);
  }
  then(onValue, onError) {
    return this.promise.then(onValue, onError);
  }
  spread(fn) {
    return this.promise.then((values) => fn(...values));
  }
}

async function main() {
  await new LibraryPromise([1, 2]).spread((a, b) => console.log('sum', a + b));
  const lib = { catch: (type, fn) => fn(new type('filtered')) };
  await Promise.resolve(lib.catch(TypeError, (err) => console.log(err.message)));
  const wrapped = new LibraryPromise(3);
  await wrapped.then((n) => n * 2).catch(TypeError, () => 0);
}

main();
