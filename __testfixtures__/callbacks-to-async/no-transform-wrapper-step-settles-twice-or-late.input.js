// Checks: wrapper steps that do not settle exactly once, as their last act, stay as they are:
// resolve stored for later, code in the executor after the operation (it runs before the
// callback), resolve() with code after it, a path that never settles, and `fs.close(fd, resolve)`
// before a handler that reads the value it resolves with (null or the close error).
'use strict'
const fs = require('fs')

const waiting = []
let reads = 0

Promise.resolve().then(function stored () {
  return new Promise(function (resolve, reject) {
    waiting.push(resolve)
    fs.stat('input.txt', function (err) {
      if (err) reject(err)
      else waiting.shift()('stored')
    })
  })
}).then(function codeAfterOperation (value) {
  console.log('got', value)
  return new Promise(function (resolve, reject) {
    fs.readFile('input.txt', 'utf8', function (err, text) {
      if (err) reject(err)
      else resolve(text.length + reads)
    })
    reads++
  })
}).then(function codeAfterResolve (length) {
  console.log('length', length)
  return new Promise(function (resolve, reject) {
    fs.stat('input.txt', function (err, stats) {
      if (err) return reject(err)
      resolve(stats.size)
      console.log('after resolve')
    })
  })
}).then(function maybeNever (size) {
  console.log('size', size)
  return new Promise(function (resolve, reject) {
    fs.stat('input.txt', function (err) {
      if (err) reject(err)
      else if (size > 0) resolve()
    })
  })
}).then(function valueRead () {
  return new Promise(function (resolve, reject) {
    fs.open('input.txt', 'r', function (err, fd) {
      if (err) reject(err)
      else fs.close(fd, resolve)
    })
  })
}).then(function (closed) {
  console.log('closed with', closed)
})
