// Checks: `return fs.x(…, function …)` in a callback API (fs-extra's symlinkPaths, lockfile):
// fs's callback functions return undefined, so the return only ends the path, and the call
// converts like a statement. At the end of the function it is the call alone; before more
// code (`else if … return fs.stat(…)`) the path still stops there. An operation that is the
// last thing an if/else branch runs awaits in place (no async IIFE), and a value nothing reads
// (`stat` in the second branch) gets no binding. Every path runs, each with a callback.
var fs = require('fs')
var path = require('path')
var fsp = require('fs/promises')
var { promisify } = require('util')

var existsAsync = promisify(fs.exists)

async function describe (p) {
  if (path.extname(p) === '.json') {
    var text = await fsp.readFile(p, 'utf8')
    return 'json of ' + text.length + ' characters'
  } else if (p === 'missing.txt') {
    await fsp.stat(p)
    return 'unexpected'
  }
  console.log('describing', p)
  if (p === 'data') {
    var names = await fsp.readdir(p)
    return 'directory of ' + names.length
  } else {
    await fsp.stat(p)
    var found = await existsAsync(p + '.bak')
    return 'file' + (found ? ' with a backup' : '')
  }
}

void (async () => {
  var err = null
  var what
  try {
    what = await describe('config.json')
  } catch (caught) {
    err = caught
  }
  console.log('config.json:', err, what)
  void (async () => {
    var err = null
    var what
    try {
      what = await describe('missing.txt')
    } catch (caught) {
      err = caught
    }
    console.log('missing.txt:', err.code, what)
    void (async () => {
      var err = null
      var what
      try {
        what = await describe('data')
      } catch (caught) {
        err = caught
      }
      console.log('data:', err, what)
      void (async () => {
        var err = null
        var what
        try {
          what = await describe('input.txt')
        } catch (caught) {
          err = caught
        }
        console.log('input.txt:', err, what)
      })()
      console.log('after the input.txt call')
    })()
  })()
})()

console.log('after the first call')
process.nextTick(function () { console.log('nextTick after the call') })
