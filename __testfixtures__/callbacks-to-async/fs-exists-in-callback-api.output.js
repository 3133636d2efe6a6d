// Checks: a callback API that asks fs.exists first (fs-extra's outputFile) converts as a whole:
// the boolean is awaited without a try, since fs.exists never fails, and the write that follows
// keeps its own error path. Called on a missing directory it makes, then on it, then on one it
// cannot make; graceful-fs hands on Node's own fs.exists, whose promise form is the same.
// awaitify-fixture: options {"dependencies": {"graceful-fs": "^4.1.2"}}
var path = require('path')
var fs = require('graceful-fs')
var { promisify } = require('util')

var existsAsync = promisify(fs.exists)
var writeFileAsync = promisify(fs.writeFile)
var mkdirAsync = promisify(fs.mkdir)

async function outputFile (file, data) {
  var dir = path.dirname(file)
  var itDoes = await existsAsync(dir)
  console.log('exists', dir, itDoes)
  if (itDoes) {
    await writeFileAsync(file, data)
    return
  }

  await mkdirAsync(dir)
  await writeFileAsync(file, data)
}

void (async () => {
  var err = null
  try {
    await outputFile('out/a.txt', 'first')
  } catch (caught) {
    err = caught
  }
  console.log('first written', err, fs.readFileSync('out/a.txt', 'utf8'))
  void (async () => {
    var err = null
    try {
      await outputFile('out/b.txt', 'second')
    } catch (caught) {
      err = caught
    }
    console.log('second written', err, fs.readFileSync('out/b.txt', 'utf8'))
    void (async () => {
      var err = null
      try {
        await outputFile('missing/deeper/c.txt', 'third')
      } catch (caught) {
        err = caught
      }
      console.log('third failed', err.code)
    })()
  })()
})()

console.log('after the first call')
