// An outside caller of the note package (examples/notes/): it keeps calling the package's
// APIs with callbacks, so whatever awaitify makes of them must still take callbacks.
const fs = require('fs');
const os = require('os');
const path = require('path');
const notes = require('./notes');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awaitify-notes-'));

function finish(err) {
  if (err) console.log('error', err.code || err.message);
  fs.rmSync(dir, { recursive: true, force: true });
  console.log('cleaned up');
}

notes.writeNote(dir, 'todo', '# todo', (err) => {
  if (err) return finish(err);
  console.log('wrote todo');
  notes.addTodo(dir, 'buy milk', (err) => {
    if (err) return finish(err);
    notes.appendLine(dir, 'todo', '- call home', (err) => {
      if (err) return finish(err);
      notes.listNotes(dir, (err, names) => {
        if (err) return finish(err);
        console.log('notes', names.join(', '));
        notes.remindLater(dir, 'todo', 10, (err, text) => {
          if (err) return finish(err);
          console.log('reminder:', text.split('\n').join(' | '));
          notes.readNote(dir, 'missing', (err) => {
            console.log('missing note:', err.code);
            finish();
          });
        });
        console.log('reminder set');
      });
    });
  });
});
console.log('started');
