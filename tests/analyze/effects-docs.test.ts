/**
 * docs/effects.md: every js and sh example runs (in order, in one scratch directory, importing
 * 'sysray' and 'sysray/test' as a project would), and the model's tables name every field of its
 * types.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, testEnv } from '../helpers/diff.js';
import { scratch } from '../helpers/fixtures.js';

const DOC = readFileSync(join(ROOT, 'docs', 'effects.md'), 'utf8');

test('every example of docs/effects.md runs', () => {
  const blocks = [...DOC.matchAll(/^```(js|sh)\n([^]*?)^```$/gm)].map((m) => ({ lang: m[1]!, code: m[2]! }));
  assert.ok(blocks.filter((b) => b.lang === 'js').length >= 4, 'the examples were found');
  // inside the package, so 'sysray/test' resolves through package.json's exports as it does for a user
  const dir = join(ROOT, 'dist', 'docs-examples');
  mkdirSync(dir, { recursive: true });
  const cwd = scratch();
  const env = { ...testEnv(), PATH: `${join(ROOT, 'bin')}:${process.env.PATH ?? ''}` };
  try {
    blocks.forEach((b, i) => {
      let r;
      if (b.lang === 'sh') r = spawnSync('sh', ['-e', '-c', b.code], { cwd, env, encoding: 'utf8' });
      else {
        const file = join(dir, `effects-${i}.mjs`);
        writeFileSync(file, b.code);
        r = spawnSync(process.execPath, [file], { cwd, env, encoding: 'utf8' });
      }
      assert.equal(r.status, 0, `example ${i + 1} (${b.lang}):\n${b.code}\n${r.stdout}${r.stderr}`);
    });
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});

test("docs/effects.md's tables name every field of the model", () => {
  const types = readFileSync(join(ROOT, 'src', 'analyze', 'types.ts'), 'utf8');
  const fields = new Set([...types.matchAll(/^ {2}(\w+)\??:/gm)].map((m) => m[1]!));
  assert.ok(fields.size > 40, 'the fields were found');
  const missing = [...fields].filter((f) => !DOC.includes(`\`${f}\``));
  assert.deepEqual(missing, []);
});
