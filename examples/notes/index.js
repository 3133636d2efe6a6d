// The entry point of the note package: the store's APIs, and addTodo, which calls one of
// them across files.
const store = require('./store');

function addTodo(dir, text, cb) {
  store.appendLine(dir, 'todo', `- ${text}`, cb);
}

module.exports = { ...store, addTodo };
