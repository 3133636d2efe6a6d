// Checks: a promise chain whose steps each return a new Promise around fs callbacks (the
// shape of write-file-atomic 2.x) becomes async handlers that await the operations:
// resolve() is a return, reject(err) a throw, each callback's code runs after its await.
// Paths that settle without an operation, sibling operations in branches, a close after a
// failed fsync, `fs.close(fd, resolve)` before a handler that reads no value, and a value
// handed on all keep their results; the files written and the errors seen are the same. Each
// handler holds only the wrapper, so a path that settles at once reaches the next handler
// after as many ticks as before (3); a path through an operation, one tick later (flagged).
'use strict'
const fs = require('fs')
const fsp = require('fs/promises')
const { promisify } = require('util')

const openAsync = promisify(fs.open)
const writeAsync = promisify(fs.write)
const fsyncAsync = promisify(fs.fsync)
const closeAsync = promisify(fs.close)

function writeAtomic (filename, data, options, callback) {
  var truename
  var fd
  var tmpfile = filename + '.tmp'

  Promise.resolve().then(async function getRealPath () {
    let realname
    try {
      realname = await fsp.realpath(filename)
    } catch {}
    truename = realname || filename
    console.log('realpath done', truename === filename)
  }).then(async function statTarget () {
    if (options.mode) return
    else {
      // Copy the mode of the file already there.
      let err = null
      let stats
      try {
        stats = await fsp.stat(truename)
      } catch (caught) {
        err = caught
      }
      if (err || !stats) return
      else {
        options = Object.assign({}, options, { mode: stats.mode & 0o777 })
        console.log('mode from target', options.mode.toString(8))
      }
    }
  }).then(async function openTemp () {
    let err = null
    let _fd
    try {
      _fd = await openAsync(tmpfile, 'w', options.mode)
    } catch (caught) {
      err = caught
    }
    fd = _fd
    if (err) throw err
  }).then(async function writeData () {
    if (Buffer.isBuffer(data)) {
      await writeAsync(fd, data, 0, data.length, 0)
    } else if (data != null) {
      await writeAsync(fd, String(data), 0, 'utf8')
    }
  }).then(async function syncAndClose () {
    if (options.fsync !== false) {
      try {
        await fsyncAsync(fd)
      } catch (err) {
        try {
          await closeAsync(fd)
        } catch {}
        throw err
      }
      try {
        await closeAsync(fd)
      } catch {}
    } else {
      try {
        await closeAsync(fd)
      } catch {}
    }
  }).then(async function chmodTemp () {
    if (!options.mode) return
    else {
      await fsp.chmod(tmpfile, options.mode)
    }
  }).then(async () => {
    await fsp.rename(tmpfile, truename)
    console.log('renamed into place')
    return truename
  }).then(async function readBack (name) {
    const text = await fsp.readFile(name, 'utf8')
    if (typeof text !== 'string') throw new TypeError('not text')
    return text.length
  }).then(function success (length) {
    callback(null, length)
  }, function fail (err) {
    callback(err)
  })
}

fs.writeFileSync('out.txt', 'old', { mode: 0o600 })
writeAtomic('out.txt', 'hello', {}, function (err, length) {
  console.log('first', err && err.code, length, fs.readFileSync('out.txt', 'utf8'), (fs.statSync('out.txt').mode & 0o777).toString(8))
  writeAtomic('out.txt', Buffer.from('again and again'), { mode: 0o640, fsync: false }, function (err, length) {
    console.log('second', err && err.code, length, (fs.statSync('out.txt').mode & 0o777).toString(8))
    writeAtomic('no-such-dir/out.txt', null, {}, function (err) {
      console.log('third', err && err.code, fs.existsSync('no-such-dir'))
    })
  })
})
