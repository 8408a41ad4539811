// Bundles the CLI into one CommonJS file, dist/sysray.cjs, which bin/boot.cjs loads with a V8 code
// cache: start-up then skips parsing and compiling most of sysray (see bin/boot.cjs).
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/src/cli/bin.js'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['koffi'],
  outfile: 'dist/sysray.cjs',
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  minify: true,
  keepNames: false,
  logLevel: 'warning',
});

// Warm the V8 code cache with a real (tiny) trace, so the first user run does not pay for
// compiling the tracer; a stale cache from an earlier build is dropped first. Failure (no ptrace
// here) only means the first run builds the cache instead.
import { readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
for (const f of readdirSync('dist')) if (/^sysray\.cjs\..*\.cache$/.test(f)) rmSync(`dist/${f}`, { force: true });
// Through the launcher: V8 rejects a cache made under other flags (bin/sysray passes one).
spawnSync('bin/sysray', ['-o', '/dev/null', '/bin/true'], { stdio: 'ignore', timeout: 20000 });
