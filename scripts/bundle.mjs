// Bundles the CLI into CommonJS scripts that bin/boot.cjs loads, each with a V8 code cache (start-up
// then skips parsing and compiling sysray's code):
//   dist/sysray.cjs             the command line, filters, tracer and renderers;
//   dist/decoders-<part>.cjs    the syscall decoders and their constant tables, seven tenths of the
//                               code, in parts (PARTS below): a part loads when a syscall it decodes
//                               is first shown, with the parts it imports from.
// With a filter that shows nothing the decoders cost nothing; one that shows a socket() loads the
// network part and the base it builds on, not the ioctl tables; and the command does not share
// the CPU with decoders it does not need as it starts.
// A module lives in one script only: the parts take the modules they share with the first script
// (the syscall tables, errno and signal names) from it, and each other's modules from each other.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { pathToFileURL as fileUrl } from 'node:url';

const SRC = resolve('dist/src');
/** Modules of the first script that the decoder parts use. */
const SHARED = ['arch/index.js', 'arch/types.js', 'decode/xlat/errno.js', 'decode/xlat/signals.js'];
/**
 * The decoder parts: families of decoders (decode/index.js's FAMILIES, each a module exporting
 * `decoders`) with the tables only they use. Every other module of src/decode (but the registry,
 * decode/index.js) goes in `base`.
 */
const PARTS = {
  net: [
    'decode/net.js', 'decode/sockaddr.js', 'decode/netlink.js', 'decode/sock_ioctl.js', 'decode/xlat/net.js', 'decode/nlmsg_types.js',
    'decode/netlink_link.js', 'decode/xlat/rtnl_link.js',
    'decode/netlink_sock_diag.js', 'decode/netlink_netfilter.js', 'decode/netlink_selinux.js', 'decode/netlink_kobject_uevent.js',
    'decode/netlink_generic.js',
    'decode/netlink_nla.js', 'decode/netlink_route.js', 'decode/netlink_neigh.js', 'decode/netlink_tc.js', 'decode/netlink_mdb.js',
    'decode/xlat/rtnl.js',
  ],
  file: ['decode/file.js', 'decode/stat.js', 'decode/xlat/file.js'],
  desc: ['decode/desc.js', 'decode/xlat/desc.js'],
  ioctl: ['decode/ioctl.js', 'decode/xlat/ioctls.js', 'decode/evdev_ioctl.js', 'decode/xlat/evdev.js',
    'decode/gpio_ioctl.js', 'decode/ptp_ioctl.js',
    'decode/seccomp_ioctl.js', 'decode/block_ioctl.js', 'decode/mtd_ioctl.js', 'decode/ubi_ioctl.js',
    'decode/scsi_ioctl.js', 'decode/kvm_ioctl.js', 'decode/xlat/kvm.js', 'decode/dm_ioctl.js', 'decode/tee_ioctl.js', 'decode/btrfs_ioctl.js', 'decode/xlat/btrfs.js',
    'decode/kd_ioctl.js', 'decode/xlat/kd.js', 'decode/v4l2_ioctl.js', 'decode/xlat/v4l2.js'],
  process: [
    'decode/process.js', 'decode/prctl.js', 'decode/seccomp.js', 'decode/system.js', 'decode/sched.js', 'decode/ptrace.js',
    'decode/keyctl.js', 'decode/bpf.js', 'decode/bpf_obj_info.js', 'decode/perf.js', 'decode/perf_attr.js', 'decode/ioprio.js', 'decode/xlat/proc.js',
  ],
  memory: ['decode/memory.js', 'decode/ipc.js', 'decode/xlat/mem.js'],
  signal: ['decode/signal.js', 'decode/siginfo.js'],
  misc: ['decode/misc.js', 'decode/xlat/sigtime.js'],
};
const decodeModules = (dir) =>
  readdirSync(resolve(SRC, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? decodeModules(`${dir}/${e.name}`) : e.name.endsWith('.js') ? [`${dir}/${e.name}`] : []);
const partOf = new Map(Object.entries(PARTS).flatMap(([part, mods]) => mods.map((m) => [m, part])));
for (const m of decodeModules('decode')) if (!partOf.has(m) && !SHARED.includes(m) && m !== 'decode/index.js') partOf.set(m, 'base');
const partNames = [...new Set(partOf.values())];

// Which family's decoder each name is, and the facts each declares (for the engine and the filters,
// which then need no decoder loaded), as decode/index.js's registry has them (it refuses a name
// decoded twice).
const { FAMILIES, REGISTRY } = await import(fileUrl(resolve(SRC, 'decode/index.js')).href);
const familyOf = {};
const factsOf = {};
for (const [fam, decoders] of Object.entries(FAMILIES)) {
  const part = partOf.get(`decode/${fam}.js`);
  if (!part || part === 'base') throw new Error(`bundle: the family ${fam} has no part`);
  for (const [name, d] of Object.entries(decoders)) {
    familyOf[name] = [part, fam];
    if (d.facts) factsOf[name] = d.facts;
  }
}
if (Object.keys(familyOf).length !== Object.keys(REGISTRY).length) throw new Error('bundle: a decoder of the registry has no family');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['koffi'],
  // import.meta.url, made when first read (few runs need it); import.meta.dirname is the script's
  define: { 'import.meta.url': 'importMeta.url', 'import.meta.dirname': '__dirname' },
  banner: { js: "const importMeta = { get url() { return require('node:url').pathToFileURL(__filename).href; } };" },
  minify: true,
  keepNames: false,
  logLevel: 'warning',
};

// The first script: decode/index.js and decode/signal.js, imported from outside src/decode, become
// a stand-in that loads the parts as they are needed (bin/boot.cjs answers require('sysray:decoders')
// with a loader of parts, given the modules the parts share with this script).
const standIn = `
${SHARED.map((m, i) => `import * as shared${i} from ${JSON.stringify(resolve(SRC, m))};`).join('\n')}
let loader;
const part = (name) => (loader ??= require('sysray:decoders')({ ${SHARED.map((m, i) => `${JSON.stringify(m)}: shared${i}`).join(', ')} }))(name);
const FAMILY_OF = ${JSON.stringify(familyOf)};
const FACTS = ${JSON.stringify(factsOf)};
/** decode/index.js's decoderName. */
const decoderName = (row) => (FAMILY_OF[row.dec ?? row.name] ? row.dec ?? row.name : FAMILY_OF[row.name] ? row.name : undefined);
/** decode/index.js's decoderFor, loading only the family that has the decoder. */
export const decoderFor = (t, nr) => {
  const row = t.rows[nr];
  const name = row && decoderName(row);
  if (name) return part(FAMILY_OF[name][0]).modules['decode/' + FAMILY_OF[name][1] + '.js'].decoders[name];
  return part('base').modules['decode/args.js'].printargs(row ? row.nargs : 6);
};
const NO_FACTS = {};
const PRINTARGS_FACTS = { paths: [] };
/** decode/index.js's factsFor, from the facts copied above: no decoder is loaded. */
export const factsFor = (row) => {
  if (!row) return NO_FACTS;
  const name = decoderName(row);
  if (name) return FACTS[name] ?? NO_FACTS;
  return row.dec === 'printargs' ? PRINTARGS_FACTS : NO_FACTS;
};
export const decodeSiginfo = (b, c) => part('signal').modules['decode/signal.js'].decodeSiginfo(b, c);
`;
const DECODERS = ['decode/index.js', 'decode/signal.js'].map((m) => resolve(SRC, m));
const lazyDecoders = {
  name: 'lazy-decoders',
  setup(b) {
    b.onResolve({ filter: /^sysray:/ }, (a) => ({ path: a.path, external: true }));
    b.onResolve({ filter: /\.js$/ }, (a) => {
      const p = resolve(a.resolveDir, a.path);
      if (!DECODERS.includes(p) || dirname(a.importer).startsWith(resolve(SRC, 'decode'))) return undefined;
      return { path: 'decoders', namespace: 'lazy-decoders' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-decoders' }, () => ({ contents: standIn, resolveDir: SRC, loader: 'js' }));
  },
};
// The syscall reference's rows (src/explain/reference/), a script of their own too: only
// --syscalls, --describe and --explain read them, through require('sysray:reference').
const REFERENCE = resolve(SRC, 'explain/reference/data.js');
const lazyReference = {
  name: 'lazy-reference',
  setup(b) {
    b.onResolve({ filter: /data\.js$/ }, (a) =>
      resolve(a.resolveDir, a.path) === REFERENCE ? { path: 'reference', namespace: 'lazy-reference' } : undefined);
    b.onLoad({ filter: /.*/, namespace: 'lazy-reference' }, () => ({
      contents: "export const referenceRows = () => require('sysray:reference').referenceRows();",
      loader: 'js',
    }));
  },
};
// --replay and the views of a whole trace (--report, --perfetto, --effects) are a script of their
// own, dist/views.cjs, which the first script loads only when one is asked for: main.js imports
// a stand-in for cli/views.js.
const VIEWS = resolve(SRC, 'cli/views.js');
/**
 * A plugin that answers imports of `module` (a path under SRC) with `stub`, a stand-in that
 * require()s dist/<name>.cjs when first used, so the first script does not carry that module.
 */
const lazyScript = (name, module, stub) => ({
  name: `lazy-${name}`,
  setup(b) {
    b.onResolve({ filter: new RegExp(`^\\./${name}\\.cjs$`) }, (a) => ({ path: a.path, external: true }));
    b.onResolve({ filter: /\.js$/ }, (a) => (resolve(a.resolveDir, a.path) === module ? { path: name, namespace: `lazy-${name}` } : undefined));
    b.onLoad({ filter: /.*/, namespace: `lazy-${name}` }, () => ({ contents: stub, loader: 'js' }));
  },
});
const lazyViews = lazyScript('views', VIEWS, `let m;
const load = () => (m ??= require('./views.cjs'));
export const Views = { of: (o, x) => load().Views.of(o, x) };
export const replayFile = (...a) => load().replayFile(...a);`);
// --explain's sentences (src/explain/explain.js, words.js, sentences/), a script of their own as
// well, loaded only by --explain through require('sysray:explain'); the few modules of the first
// script they use are handed to it, so that each module still lives in one script only.
const EXPLAIN = resolve(SRC, 'explain/explain.js');
const EXPLAIN_OWN = (p) => p === EXPLAIN || p === resolve(SRC, 'explain/words.js') || p.startsWith(resolve(SRC, 'explain/sentences') + '/');
const EXPLAIN_SHARED = ['decode/xlat/errno.js', 'decode/xlat/signals.js', 'render/strace.js', 'explain/reference.js'];
const lazyExplain = {
  name: 'lazy-explain',
  setup(b) {
    b.onResolve({ filter: /explain\.js$/ }, (a) =>
      resolve(a.resolveDir, a.path) === EXPLAIN ? { path: 'explain', namespace: 'lazy-explain' } : undefined);
    b.onLoad({ filter: /.*/, namespace: 'lazy-explain' }, () => ({
      contents: `${EXPLAIN_SHARED.map((m, i) => `import * as s${i} from ${JSON.stringify(resolve(SRC, m))};`).join('\n')}
let script;
const get = () => (script ??= require('sysray:explain')({ ${EXPLAIN_SHARED.map((m, i) => `${JSON.stringify(m)}: s${i}`).join(', ')} }));
export const explain = (ev) => get().explain(ev);
export const explanationLine = (ev) => get().explanationLine(ev);`,
      resolveDir: SRC,
      loader: 'js',
    }));
  },
};
const explainShared = {
  name: 'explain-shared',
  setup(b) {
    b.onResolve({ filter: /\.js$/ }, (a) => {
      if (!a.importer) return undefined;
      const p = resolve(a.resolveDir, a.path);
      if (EXPLAIN_OWN(p)) return undefined;
      const rel = relative(SRC, p);
      if (!EXPLAIN_SHARED.includes(rel)) throw new Error(`bundle: ${a.importer} imports ${rel}, not handed to the explain script`);
      return { path: `sysray:shared:${rel}`, external: true };
    });
  },
};
// --tips' box and texts (cli/tips.js, which imports nothing) are a script of their own too,
// dist/tips.cjs, loaded only when a tip is printed or --tips parsed.
const TIPS = resolve(SRC, 'cli/tips.js');
const lazyTips = lazyScript('tips', TIPS, `let m;
const load = () => (m ??= require('./tips.cjs'));
export const parseTips = (a, p) => load().parseTips(a, p);
export const tipsText = (t, r) => load().tipsText(t, r);`);
// -k's stack walk (src/stack/), dist/stack.cjs: only a trace with -k loads it (tracer/stacks.js
// makes its Unwinder through a stand-in).
const STACK = resolve(SRC, 'stack/unwind.js');
const lazyStack = lazyScript('stack', STACK, "export function Unwinder() { return new (require('./stack.cjs').Unwinder)(); }");
await build({ ...common, entryPoints: ['dist/src/cli/bin.js'], outfile: 'dist/sysray.cjs', plugins: [lazyDecoders, lazyReference, lazyExplain, lazyViews, lazyTips, lazyStack] });
await build({ ...common, entryPoints: [TIPS], outfile: 'dist/tips.cjs' });
await build({ ...common, entryPoints: [STACK], outfile: 'dist/stack.cjs' });
await build({ ...common, entryPoints: [REFERENCE], outfile: 'dist/reference.cjs' });
await build({ ...common, entryPoints: [EXPLAIN], outfile: 'dist/explain.cjs', plugins: [explainShared] });
await build({ ...common, entryPoints: [VIEWS], outfile: 'dist/views.cjs' });

// The parts. Each exports its modules by path; a module of another part or of the first script
// becomes require('sysray:part:<part>:<path>') or require('sysray:shared:<path>').
for (const f of readdirSync('dist')) if (/^decoders(-[a-z]+)?\.cjs$/.test(f)) rmSync(`dist/${f}`, { force: true });
// Imports of another part's module that the importer reads only when it decodes (never as it
// loads): the part they come from is loaded at the first read of one of their names, not with the
// importer. An ioctl decoder thus does not bring in the network part unless it meets a socket request.
const LATE = { 'decode/ioctl.js': ['decode/sock_ioctl.js'] };
/** A stand-in for `rel` of part `p`, whose names each load that part when first read. */
const lateModule = async (p, rel) => {
  const names = Object.keys(await import(fileUrl(resolve(SRC, rel)).href));
  const id = JSON.stringify(`sysray:part:${p}:${rel}`);
  return `const m = () => require(${id});\nmodule.exports = { ${names.map((n) => `get ${n}() { return m().${n}; }`).join(', ')} };`;
};
for (const name of partNames) {
  const mods = [...partOf].filter(([, p]) => p === name).map(([m]) => m);
  const elsewhere = {
    name: 'elsewhere',
    setup(b) {
      b.onResolve({ filter: /^sysray:/ }, (a) => ({ path: a.path, external: true }));
      b.onResolve({ filter: /\.js$/ }, (a) => {
        if (!a.importer) return undefined;
        const rel = relative(SRC, resolve(a.resolveDir, a.path));
        if (SHARED.includes(rel)) return { path: `sysray:shared:${rel}`, external: true };
        const p = partOf.get(rel);
        if (p === undefined) throw new Error(`bundle: ${a.importer} imports ${rel}, of no part`);
        if (p === name) return undefined;
        const from = relative(SRC, a.importer);
        if (LATE[from]?.includes(rel)) return { path: rel, namespace: 'late', pluginData: p };
        return { path: `sysray:part:${p}:${rel}`, external: true };
      });
      b.onLoad({ filter: /.*/, namespace: 'late' }, async (a) => ({ contents: await lateModule(a.pluginData, a.path), loader: 'js' }));
    },
  };
  await build({
    ...common,
    stdin: {
      contents: `${mods.map((m, i) => `import * as m${i} from './${m}';`).join('\n')}
export const modules = { ${mods.map((m, i) => `${JSON.stringify(m)}: m${i}`).join(', ')} };`,
      resolveDir: SRC,
      loader: 'js',
    },
    outfile: `dist/decoders-${name}.cjs`,
    plugins: [elsewhere],
  });
}

// bin/sysray: on x86_64 the executable launcher (src/tracer/launcher.ts, launcher.S), elsewhere a
// copy of the shell launcher, bin/sysray.sh. Written aside and renamed, in case one is running.
import { chmodSync, copyFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
{
  const tmp = `bin/sysray.${process.pid}`;
  if (process.arch === 'x64') {
    const { launcherImage } = await import(pathToFileURL(resolve(SRC, 'tracer/launcher.js')).href);
    writeFileSync(tmp, launcherImage());
  } else copyFileSync('bin/sysray.sh', tmp);
  chmodSync(tmp, 0o755);
  renameSync(tmp, 'bin/sysray');
}

// Warm the V8 code caches with real (tiny) traces, so that user runs do not pay for compiling
// the tracer (the runs are listed below). Stale caches from an
// earlier build are dropped first. Failure (no ptrace here) only means the first run builds the
// caches instead.
import { spawnSync } from 'node:child_process';
for (const f of readdirSync('dist')) if (/^(sysray|reference|explain|decoders(-[a-z]+)?)\.cjs\..*\.cache$/.test(f)) rmSync(`dist/${f}`, { force: true });
// Through the launcher, as users start it (V8 rejects a cache made under other V8 flags); in these
// runs bin/boot.cjs loads every part of the decoders and saves every cache (SYSRAY_WARM_CACHES).
// A full trace; -f under a filter, Node starting the command; and the same started by the launcher.
// Then a full trace of a small real program (ls -la: files, stat, directories, xattrs, the name
// service's sockets, ioctl), so that the decoders and renderers a short trace runs are in the caches
// compiled, not only loaded.
const warmups = [
  ['-o', '/dev/null', '/bin/true'],
  ['-f', '-e', 'trace=%process', '-o', '/dev/null', '/bin/true'],
  ['-f', '-e', 'trace=%network,exit_group', '-o', '/dev/null', '/bin/true'],
  ['-o', '/dev/null', 'ls', '-la', '/'],
];
for (const args of warmups)
  spawnSync('bin/sysray', args, { stdio: 'ignore', timeout: 20000, env: { ...process.env, SYSRAY_WARM_CACHES: '1' } });
