'use strict';
// Marks the package's `bin` files executable (tsc writes them 0644), so the packed tarball and
// `npx genauth-mock` in this repository run them directly. Run after `tsc -b`.
const fs = require('node:fs');
const path = require('node:path');

const { bin } = require('../package.json');

for (const file of Object.values(bin)) fs.chmodSync(path.join(__dirname, '..', file), 0o755);
