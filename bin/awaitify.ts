#!/usr/bin/env node
import { createProcessIo } from '../src/cli/io';
import { main } from '../src/cli/program';

void main(process.argv.slice(2), createProcessIo()).then((code) => {
  process.exitCode = code;
});
