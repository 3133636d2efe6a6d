// Checks: a chain whose inner Timeout is kept and used is left as is, with a finding on the
// inner timer: its call cannot become an await.
const log = (message) => console.log(message);

setTimeout(() => {
  log('outer');
  const handle = setTimeout(() => log('inner'), 5);
  log(`got a Timeout: ${typeof handle.ref === 'function'}`);
}, 5);
