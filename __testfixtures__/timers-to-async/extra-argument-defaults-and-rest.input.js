// Checks: callback parameters with a default and a rest element take the timer's extra
// arguments through an array pattern; a parameter reassigned in the body is declared with let.
const log = (message) => console.log(message);

setTimeout((first, second = 'default second', ...rest) => {
  log(`first=${first} second=${second} rest=${rest.join(',')}`);
  setTimeout((count) => {
    count += 1;
    log(`count=${count}`);
  }, 5, 41);
}, 5, 'one', undefined, 'three', 'four');
process.nextTick(() => log('next tick'));
