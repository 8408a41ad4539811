// Bundles the CLI into two CommonJS scripts that bin/boot.cjs loads, each with a V8 code cache
// (start-up then skips parsing and compiling sysray's code):
//   dist/sysray.cjs    the command line, filters, tracer and renderers;
//   dist/decoders.cjs  the syscall decoders and their constant tables, seven tenths of the code.
// The CLI loads the decoders when it first decodes something: with a filter that shows nothing
// (or little, late) they cost nothing (or cost later), and the command does not share the CPU with
// their loading as it starts.
// The decoders' script uses the first script's copies of the modules both need (the syscall
// tables, errno and signal names), so those exist once.
import { build } from 'esbuild';
import { dirname, relative, resolve } from 'node:path';

const SRC = resolve('dist/src');
const DECODERS = [resolve(SRC, 'decode/index.js'), resolve(SRC, 'decode/signal.js')];
/** Modules both scripts use; the decoders' script takes them from the first. */
const SHARED = ['arch/index.js', 'arch/types.js', 'decode/xlat/errno.js', 'decode/xlat/signals.js'];

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['koffi'],
  // import.meta.url, made when first read (few runs need it)
  define: { 'import.meta.url': 'importMeta.url' },
  banner: { js: "const importMeta = { get url() { return require('node:url').pathToFileURL(__filename).href; } };" },
  minify: true,
  keepNames: false,
  logLevel: 'warning',
};

// The first script: imports of the decoder modules from outside src/decode become a stand-in that
// loads dist/decoders.cjs on first use (bin/boot.cjs answers require('sysray:decoders')).
const standIn = `
${SHARED.map((m, i) => `import * as shared${i} from ${JSON.stringify(resolve(SRC, m))};`).join('\n')}
let loaded;
const decoders = () => (loaded ??= require('sysray:decoders')({ ${SHARED.map((m, i) => `${JSON.stringify(m)}: shared${i}`).join(', ')} }));
export const decoderTable = (t) => decoders().decoderTable(t);
export const decodeSiginfo = (b, c) => decoders().decodeSiginfo(b, c);
`;
const lazyDecoders = {
  name: 'lazy-decoders',
  setup(b) {
    b.onResolve({ filter: /^sysray:/ }, (a) => ({ path: a.path, external: true }));
    b.onResolve({ filter: /\.js$/ }, (a) => {
      const p = resolve(a.resolveDir, a.path);
      if (!DECODERS.includes(p) || dirname(a.importer) === resolve(SRC, 'decode')) return undefined;
      return { path: 'decoders', namespace: 'lazy-decoders' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-decoders' }, () => ({ contents: standIn, resolveDir: SRC, loader: 'js' }));
  },
};
await build({ ...common, entryPoints: ['dist/src/cli/bin.js'], outfile: 'dist/sysray.cjs', plugins: [lazyDecoders] });

// The decoders' script: the shared modules come from the first script (require('sysray:shared:…')).
const fromFirst = {
  name: 'shared-from-first',
  setup(b) {
    b.onResolve({ filter: /\.js$/ }, (a) => {
      const rel = relative(SRC, resolve(a.resolveDir, a.path));
      return SHARED.includes(rel) && a.importer ? { path: `sysray:shared:${rel}`, external: true } : undefined;
    });
  },
};
await build({
  ...common,
  stdin: {
    contents: "export { decoderTable } from './decode/index.js'; export { decodeSiginfo } from './decode/signal.js';",
    resolveDir: SRC,
    loader: 'js',
  },
  outfile: 'dist/decoders.cjs',
  plugins: [fromFirst],
});

// bin/sysray: on x86_64 the executable launcher (src/tracer/launcher.ts, launcher.S), elsewhere a
// copy of the shell launcher, bin/sysray.sh. Written aside and renamed, in case one is running.
import { chmodSync, copyFileSync, renameSync, writeFileSync } from 'node:fs';
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

// Warm the V8 code caches with a real (tiny) trace, so the first user run does not pay for
// compiling the tracer; stale caches from an earlier build are dropped first. Failure (no ptrace
// here) only means the first run builds the caches instead.
import { readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
for (const f of readdirSync('dist')) if (/^(sysray|decoders)\.cjs\..*\.cache$/.test(f)) rmSync(`dist/${f}`, { force: true });
// Through the launcher, as users start it (V8 rejects a cache made under other V8 flags).
spawnSync('bin/sysray', ['-o', '/dev/null', '/bin/true'], { stdio: 'ignore', timeout: 20000 });
