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

function writeAtomic (filename, data, options, callback) {
  var truename
  var fd
  var tmpfile = filename + '.tmp'

  Promise.resolve().then(function getRealPath () {
    return new Promise(function (resolve) {
      fs.realpath(filename, function (_, realname) {
        truename = realname || filename
        console.log('realpath done', truename === filename)
        resolve()
      })
    })
  }).then(function statTarget () {
    return new Promise(function statTarget (resolve) {
      if (options.mode) resolve()
      else {
        // Copy the mode of the file already there.
        fs.stat(truename, function (err, stats) {
          if (err || !stats) resolve()
          else {
            options = Object.assign({}, options, { mode: stats.mode & 0o777 })
            console.log('mode from target', options.mode.toString(8))
            resolve()
          }
        })
      }
    })
  }).then(function openTemp () {
    return new Promise(function (resolve, reject) {
      fs.open(tmpfile, 'w', options.mode, function (err, _fd) {
        fd = _fd
        if (err) reject(err)
        else resolve()
      })
    })
  }).then(function writeData () {
    return new Promise(function (resolve, reject) {
      if (Buffer.isBuffer(data)) {
        fs.write(fd, data, 0, data.length, 0, function (err) {
          if (err) reject(err)
          else resolve()
        })
      } else if (data != null) {
        fs.write(fd, String(data), 0, 'utf8', function (err) {
          if (err) reject(err)
          else resolve()
        })
      } else resolve()
    })
  }).then(function syncAndClose () {
    return new Promise(function (resolve, reject) {
      if (options.fsync !== false) {
        fs.fsync(fd, function (err) {
          if (err) fs.close(fd, () => reject(err))
          else fs.close(fd, resolve)
        })
      } else {
        fs.close(fd, resolve)
      }
    })
  }).then(function chmodTemp () {
    return new Promise(function (resolve, reject) {
      if (!options.mode) resolve()
      else {
        fs.chmod(tmpfile, options.mode, function (err) {
          if (err) reject(err)
          else resolve()
        })
      }
    })
  }).then(() => {
    return new Promise((resolve, reject) => {
      fs.rename(tmpfile, truename, (err) => {
        if (err) {
          reject(err)
          return
        }
        console.log('renamed into place')
        resolve(truename)
      })
    })
  }).then(function readBack (name) {
    return new Promise(function (resolve, reject) {
      fs.readFile(name, 'utf8', function (err, text) {
        if (err) return reject(err)
        if (typeof text !== 'string') throw new TypeError('not text')
        resolve(text.length)
      })
    })
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
