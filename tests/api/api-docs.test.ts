/** Every example in docs/api.md type-checks (strict) against the API's types and runs to completion. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { ROOT } from '../helpers/diff.js';

const examples = [...readFileSync(join(ROOT, 'docs', 'api.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

test('docs/api.md: the examples type-check and run', async () => {
  assert.ok(examples.length >= 5, `${examples.length} examples`);
  const dir = mkdtempSync(join(tmpdir(), 'sysray-api-docs-'));
  try {
    // as a user writes them (from 'sysray'), checked against the built declarations, as a user's are
    const api = JSON.stringify(join(ROOT, 'dist', 'src', 'api', 'index.js'));
    const files = examples.map((code, i) => {
      const file = join(dir, `example${i}.mts`);
      writeFileSync(file, code.replaceAll("from 'sysray'", `from ${api}`));
      return file;
    });
    const program = ts.createProgram(files, {
      target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true, noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [join(ROOT, 'node_modules', '@types')],
    });
    const errors = ts.getPreEmitDiagnostics(program).filter((d) => d.file === undefined || files.includes(d.file.fileName))
      .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    assert.deepEqual(errors, []);
    // and run, against the built API
    const run = promisify(execFile);
    for (const [i, code] of examples.entries()) {
      const js = ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText
        .replaceAll("from 'sysray'", `from ${api}`);
      const file = join(dir, `example${i}.mjs`);
      writeFileSync(file, js);
      const { stdout } = await run('node', [file], { timeout: 60_000 });
      assert.ok(stdout.trim().length > 0, `example ${i} printed nothing`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('examples/api-trace.ts: what a command ran and opened, and how it ended', async () => {
  const { stdout } = await promisify(execFile)('node', [join(ROOT, 'dist', 'examples', 'api-trace.js'), 'sh', '-c', 'cat /etc/hostname > /dev/null; exec cat /no/such/file 2>/dev/null'], { timeout: 60_000 })
    .catch((e: { stdout: string; code: number }) => ({ stdout: `${e.stdout}exit ${e.code}` }));
  assert.match(stdout, /^ran:\n {2}sh -c cat \/etc\/hostname[^\n]*\n {2}cat \/etc\/hostname\n {2}cat \/no\/such\/file\n/m);
  assert.match(stdout, /^ {2}\/etc\/hostname \(O_RDONLY\)$/m);
  assert.match(stdout, /^could not open:\n(?: {2}.*\n)*? {2}\/no\/such\/file \(ENOENT\)$/m);
  assert.match(stdout, /^ended: \{"code":1\}\nexit 1$/m);
});
