// Checks: callback parameters with a default and a rest element take the timer's extra
// arguments through an array pattern; a parameter reassigned in the body is declared with let.
const { setTimeout } = require('timers/promises');

const log = (message) => console.log(message);

(async () => {
  const [first, second = 'default second', ...rest] = await setTimeout(5, ['one', undefined, 'three', 'four']);
  log(`first=${first} second=${second} rest=${rest.join(',')}`);
  let count = await setTimeout(5, 41);
  count += 1;
  log(`count=${count}`);
})();
process.nextTick(() => log('next tick'));
