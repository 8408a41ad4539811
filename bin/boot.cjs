'use strict';
// Loads sysray's scripts (dist/sysray.cjs, then dist/decoders.cjs when it asks for them; see
// scripts/bundle.mjs) through V8 code caches kept next to them: the first run compiles and saves
// the caches, later runs start without parsing or compiling sysray's code again. A cache that is
// missing, stale (another Node version) or rejected (other V8 flags) is compiled and saved anew.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const dist = path.join(__dirname, '..', 'dist');
/** Scripts whose cache must be (re)written before leaving. */
const unsaved = [];

/** Run one CommonJS script of dist/ with `resolve(id)` answering its sysray-specific requires. */
function load(name, resolve) {
  const file = path.join(dist, name);
  const source = fs.readFileSync(file, 'utf8');
  const cacheFile = `${file}.${process.version}.${process.arch}.cache`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) unsaved.push([script, cacheFile]);
  const req = Module.createRequire(file);
  const mod = { exports: {} };
  const sysrayRequire = (id) => (id.startsWith('sysray:') ? resolve(id) : req(id));
  script.runInThisContext()(mod.exports, sysrayRequire, mod, file, dist);
  return mod.exports;
}

const main = load('sysray.cjs', (id) => {
  if (id !== 'sysray:decoders') throw new Error(`sysray: no module ${id}`);
  // called with the modules the decoders share with the first script
  return (shared) =>
    load('decoders.cjs', (sid) => {
      const m = shared[sid.slice('sysray:shared:'.length)];
      if (!m) throw new Error(`sysray: no shared module ${sid}`);
      return m;
    });
});
// sysray has run (it returns with process.exitCode set, or dies of the traced command's signal).
for (const [script, cacheFile] of unsaved) {
  try {
    const tmp = `${cacheFile}.${process.pid}`;
    fs.writeFileSync(tmp, script.createCachedData());
    fs.renameSync(tmp, cacheFile);
  } catch {
    // read-only install: run without a cache
  }
}
main.quickExit(process.exitCode ?? 0);
