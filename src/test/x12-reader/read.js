'use strict'
// An X12 reader the project did not write: parses each file named on the command line with node-x12's parser in
// strict mode (ISA length, GS/ST envelopes, IEA/GE/SE counts and control numbers), and checks that each is one
// interchange of 837P (005010X222A1) transaction sets. Prints one JSON line per file; exits 1 if any file fails.
const fs = require('fs')
const { X12Parser } = require('node-x12')

let failed = false
for (const path of process.argv.slice(2)) {
  try {
    const interchange = new X12Parser(true).parse(fs.readFileSync(path, 'ascii'))
    if (interchange.interchanges !== undefined) {
      throw new Error('more than one interchange in the file')
    }
    const sets = interchange.functionalGroups.flatMap(group => group.transactions)
    if (sets.length === 0) {
      throw new Error('no transaction set')
    }
    for (const set of sets) {
      if (set.header.valueOf(1) !== '837' || set.header.valueOf(3) !== '005010X222A1') {
        throw new Error('not an 837P 005010X222A1 transaction set: ' + set.header.valueOf(1))
      }
    }
    const claims = sets.reduce((n, set) => n + set.segments.filter(s => s.tag === 'CLM').length, 0)
    console.log(JSON.stringify({ file: path, groups: interchange.functionalGroups.length, sets: sets.length, claims }))
  } catch (error) {
    failed = true
    console.error(path + ': ' + error.message)
  }
}
process.exit(failed ? 1 : 0)
