// Checks: a getter or setter that returns a chain cannot become async (`async get` is not
// JavaScript; @codemodsquad/asyncify wrote it before its pull request 40). Left as is.
const store = {
  value: 5,
  get doubled() {
    return Promise.resolve(this.value).then((v) => v * 2);
  },
};

store.doubled.then((n) => console.log('doubled', n));
