'use strict';
// Loads sysray's scripts (dist/sysray.cjs, then each part of the decoders, dist/decoders-*.cjs, the
// syscall reference, dist/reference.cjs, and --explain's sentences, dist/explain.cjs, when it is
// first needed; see scripts/bundle.mjs)
// through V8 code caches kept next to them: the first run compiles and saves the caches, later runs start without parsing or compiling sysray's code
// again. A cache that is missing, stale (another Node version) or rejected (other V8 flags) is
// compiled and saved anew.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
// node:module costs half a millisecond to load: its wrapper is written out here (the same text),
// and its createRequire is loaded only should a script require something else
const wrap = (source) => `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;

const dist = path.join(__dirname, '..', 'dist');
/** Scripts whose cache must be (re)written before leaving. */
const unsaved = [];
/**
 * The build's warm-up runs (scripts/bundle.mjs): each loads every part of the decoders and saves
 * every cache. A cache holds the code of what the run compiled, its own and what came from the
 * cache it started with, so the runs add up.
 */
const warming = process.env.SYSRAY_WARM_CACHES === '1';

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
  const script = new vm.Script(wrap(source), { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected || warming) unsaved.push([script, cacheFile]);
  const mod = { exports: {} };
  // the scripts require Node's modules (node:…) and sysray's (sysray:…); anything else from dist/
  const sysrayRequire = (id) =>
    id.startsWith('sysray:') ? resolve(id) : id.startsWith('node:') ? require(id) : require('node:module').createRequire(file)(id);
  script.runInThisContext()(mod.exports, sysrayRequire, mod, file, dist);
  return mod.exports;
}

/** The decoders' parts, loaded once each; `shared` holds the modules they take from the first script. */
let shared;
const parts = new Map();
function part(name) {
  let p = parts.get(name);
  if (p === undefined) {
    p = load(`decoders-${name}.cjs`, (id) => {
      const [, kind, a, b] = /^sysray:(shared|part):([^:]+):?(.*)$/.exec(id) ?? [];
      const m = kind === 'shared' ? shared[a] : kind === 'part' ? part(a).modules[b] : undefined;
      if (!m) throw new Error(`sysray: no module ${id}`);
      return m;
    });
    parts.set(name, p);
  }
  return p;
}

/** The syscall reference's rows (--syscalls, --describe), loaded once if asked for. */
let reference;
/** --explain's sentences, loaded once if asked for; given the modules they take from the first script. */
let explain;
const explainScript = (given) => (explain ??= load('explain.cjs', (id) => {
  const m = id.startsWith('sysray:shared:') ? given[id.slice(14)] : undefined;
  if (!m) throw new Error(`sysray: no module ${id}`);
  return m;
}));
const main = load('sysray.cjs', (id) => {
  if (id === 'sysray:reference') return (reference ??= load('reference.cjs', () => undefined));
  if (id === 'sysray:explain') return explainScript;
  if (id !== 'sysray:decoders') throw new Error(`sysray: no module ${id}`);
  return (sharedModules) => {
    shared = sharedModules;
    if (warming) for (const f of fs.readdirSync(dist)) if (/^decoders-[a-z]+\.cjs$/.test(f)) part(f.slice(9, -4));
    return part;
  };
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
