// Checks: a wrapper step whose handler can end without the wrapper (it falls off its end
// when there is nothing to remove) converts and is flagged: made async, it hands the chain a
// promise on that path too, so the next handler runs 3 ticks after it instead of 1. --strict
// leaves it as it is.
'use strict'
const fs = require('fs')
const fsp = require('fs/promises')

function removeIfAsked (file, remove) {
  return Promise.resolve().then(async function unlinkStep () {
    console.log('asked to remove', remove)
    if (remove) {
      await fsp.unlink(file)
    }
  })
}

removeIfAsked('missing.txt', false).then(() => {
  console.log('kept')
  return removeIfAsked('missing.txt', true)
}).catch((err) => console.log('remove failed', err.code)).then(() => {
  return removeIfAsked('other.txt', true)
}).then(() => console.log('removed', fs.existsSync('other.txt')))
