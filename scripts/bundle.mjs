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
  logLevel: 'warning',
});
