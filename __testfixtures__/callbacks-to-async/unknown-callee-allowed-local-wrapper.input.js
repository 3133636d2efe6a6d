// Checks: with --allow timing/unknown-callee, calls of a callback function awaitify knows
// nothing of (here a small client object whose methods call back from a timer) go through a
// local `fromCallback` wrapper; `this` stays bound because the method is still called on its
// object, and several callback values become an array.
// awaitify-fixture: options {"allow": ["timing/unknown-callee"]}
const client = {
  prefix: 'row',
  pending: 0,
  query(sql, cb) {
    setTimeout(() => cb(null, [`${this.prefix}:${sql}`], { count: 1 }), 5);
    this.pending++;
  },
  fail(cb) {
    setTimeout(() => cb(new Error('no connection')), 5);
    this.pending++;
  },
};

client.query('select 1', (err, rows, info) => {
  if (err) throw err;
  console.log('rows:', rows, 'count:', info.count);
  client.fail((err) => {
    if (err) {
      console.log('failed:', err.message);
      return;
    }
    console.log('not reached');
  });
  console.log('after fail call');
});
console.log('after query call');
