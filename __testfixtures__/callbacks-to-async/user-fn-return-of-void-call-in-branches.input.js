// Checks: `return fs.x(…, function …)` in a callback API (fs-extra's symlinkPaths, lockfile):
// fs's callback functions return undefined, so the return only ends the path, and the call
// converts like a statement. At the end of the function it is the call alone; before more
// code (`else if … return fs.stat(…)`) the path still stops there. An operation that is the
// last thing an if/else branch runs awaits in place (no async IIFE), and a value nothing reads
// (`stat` in the second branch) gets no binding. Every path runs, each with a callback.
var fs = require('fs')
var path = require('path')

function describe (p, callback) {
  if (path.extname(p) === '.json') {
    return fs.readFile(p, 'utf8', function (err, text) {
      if (err) return callback(err)
      return callback(null, 'json of ' + text.length + ' characters')
    })
  } else if (p === 'missing.txt') return fs.stat(p, function (err, stat) {
    if (err) return callback(err)
    callback(null, 'unexpected')
  })
  console.log('describing', p)
  if (p === 'data') {
    fs.readdir(p, function (err, names) {
      if (err) return callback(err)
      callback(null, 'directory of ' + names.length)
    })
  } else {
    fs.stat(p, function (err, stat) {
      if (err) return callback(err)
      return fs.exists(p + '.bak', function (found) {
        callback(null, 'file' + (found ? ' with a backup' : ''))
      })
    })
  }
}

describe('config.json', function (err, what) {
  console.log('config.json:', err, what)
  describe('missing.txt', function (err, what) {
    console.log('missing.txt:', err.code, what)
    describe('data', function (err, what) {
      console.log('data:', err, what)
      describe('input.txt', function (err, what) {
        console.log('input.txt:', err, what)
      })
      console.log('after the input.txt call')
    })
  })
})
console.log('after the first call')
process.nextTick(function () { console.log('nextTick after the call') })
