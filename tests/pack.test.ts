/**
 * Packaging: the tarball `npm pack` makes, installed into an empty project, gives `sysray/test` (and
 * `sysray`) to a plain .mjs file and to a TypeScript file type-checked against the shipped .d.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, testEnv } from './helpers/diff.js';
import { scratch } from './helpers/fixtures.js';

const MJS = `import { record, expectNoNetwork, expectWritesOnlyUnder } from 'sysray/test';
import { trace } from 'sysray';
const run = await record(['sh', '-c', 'echo hi > out.txt']);
expectNoNetwork(run);
expectWritesOnlyUnder(run, process.cwd());
if (typeof trace !== 'function') throw new Error('no trace');
console.log(JSON.stringify([run.exit, run.files({ written: true }).map((f) => [f.path, f.bytesWritten])]));
`;

const TS = `import { record, expectNoExec, type Effects, type FileEffects, type Run } from 'sysray/test';
import { trace, type TraceEvent } from 'sysray';
const run: Run = await record(['true'], { stringLimit: 256, stdio: 'ignore' });
const files: FileEffects[] = run.files({ written: true, under: '/tmp' });
const effects: Effects = run.effects;
const first: TraceEvent | undefined = run.events[0];
const code: number | undefined = 'code' in run.exit ? run.exit.code : undefined;
expectNoExec(run, { except: ['true'] });
void trace, files, effects, first, code;
`;

test('npm pack: sysray/test works installed, from .mjs and type-checked .ts', () => {
  const dir = scratch();
  const run = (cmd: string, args: string[], cwd: string) => {
    const r = spawnSync(cmd, args, { cwd, env: testEnv(), encoding: 'utf8' });
    assert.equal(r.status, 0, `${cmd} ${args.join(' ')}:\n${r.stdout}${r.stderr}`);
    return r.stdout;
  };
  try {
    run('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], ROOT);
    const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    const proj = join(dir, 'proj');
    mkdirSync(proj);
    writeFileSync(join(proj, 'package.json'), JSON.stringify({ name: 'proj', version: '1.0.0', type: 'module', private: true }));
    // koffi comes from npm's cache (npm ci put it there), so no network is needed
    run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', join(dir, tgz)], proj);
    writeFileSync(join(proj, 'a.mjs'), MJS);
    const out = JSON.parse(run(process.execPath, ['a.mjs'], proj)) as unknown;
    assert.deepEqual(out, [{ code: 0 }, [[join(proj, 'out.txt'), 3]]]);
    writeFileSync(join(proj, 'b.ts'), TS);
    writeFileSync(join(proj, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, types: ['node'] },
      files: ['b.ts'],
    }));
    // the project's own TypeScript and Node types: this repository's
    symlinkSync(join(ROOT, 'node_modules', '@types'), join(proj, 'node_modules', '@types'));
    run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], proj);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
