// Checks: a single timer that starts no other timer is not a chain; there is nothing to
// flatten, so it stays as it is, without findings.
const log = (message) => console.log(message);

setTimeout(() => log('one timer'), 100);
setImmediate(() => log('one immediate'));
const poll = setInterval(() => log('never cleared, unrefed, never fires'), 1000);
poll.unref();
