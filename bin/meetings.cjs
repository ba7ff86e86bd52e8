#!/usr/bin/env node
'use strict';
// The CLI lives in one bundled file built by `npm run build` (run automatically by `npm ci`).
require('../dist/cli.cjs').main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
