'use strict';
// Loads dist/sysray.cjs through a V8 code cache kept next to it: the first run compiles and saves
// the cache, later runs start without parsing or compiling sysray's code again. Falls back to a
// plain compile whenever the cache is missing, stale (another Node version) or rejected.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const file = path.join(__dirname, '..', 'dist', 'sysray.cjs');
const source = fs.readFileSync(file, 'utf8');
const cacheFile = `${file}.${process.version}.${process.arch}.cache`;
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
const mod = { exports: {} };
script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
// sysray has run (it returns with process.exitCode set, or dies of the traced command's signal).
if (cachedData === undefined || script.cachedDataRejected) {
  try {
    const tmp = `${cacheFile}.${process.pid}`;
    fs.writeFileSync(tmp, script.createCachedData());
    fs.renameSync(tmp, cacheFile);
  } catch {
    // read-only install: run without a cache
  }
}
mod.exports.quickExit(process.exitCode ?? 0);
