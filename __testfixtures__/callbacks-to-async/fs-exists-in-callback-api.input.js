// Checks: a callback API that asks fs.exists first (fs-extra's outputFile) converts as a whole:
// the boolean is awaited without a try, since fs.exists never fails, and the write that follows
// keeps its own error path. Called on a missing directory it makes, then on it, then on one it
// cannot make; graceful-fs hands on Node's own fs.exists, whose promise form is the same.
// awaitify-fixture: options {"dependencies": {"graceful-fs": "^4.1.2"}}
var path = require('path')
var fs = require('graceful-fs')

function outputFile (file, data, callback) {
  var dir = path.dirname(file)
  fs.exists(dir, function (itDoes) {
    console.log('exists', dir, itDoes)
    if (itDoes) return fs.writeFile(file, data, callback)

    fs.mkdir(dir, function (err) {
      if (err) return callback(err)

      fs.writeFile(file, data, callback)
    })
  })
}

outputFile('out/a.txt', 'first', function (err) {
  console.log('first written', err, fs.readFileSync('out/a.txt', 'utf8'))
  outputFile('out/b.txt', 'second', function (err) {
    console.log('second written', err, fs.readFileSync('out/b.txt', 'utf8'))
    outputFile('missing/deeper/c.txt', 'third', function (err) {
      console.log('third failed', err.code)
    })
  })
})
console.log('after the first call')
