/**
 * The syscall reference (src/explain/reference/) and the commands that show it: --syscalls[=SET]
 * and --describe=NAME|NUMBER.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AARCH64, X86_64, type ArchTable } from '../../src/arch/index.js';
import { parseArgs } from '../../src/cli/args.js';
import { errnoByName } from '../../src/decode/xlat/errno.js';
import { classNames, describe, exampleLine, missingReferences, selectRows } from '../../src/explain/describe.js';
import { allReferences, parseSignature, referenceOf } from '../../src/explain/reference.js';
import { STRACE, SYSRAY, testEnv } from '../helpers/diff.js';

const run = (tool: string, args: string[]) => spawnSync(tool, args, { encoding: 'utf8', env: testEnv(), timeout: 30_000 });
const rowsOf = (t: ArchTable) => t.rows.filter((r) => r !== undefined);

test('every syscall of the x86_64 and aarch64 tables has a reference entry, and every entry a syscall', () => {
  assert.deepEqual(missingReferences(X86_64), []);
  assert.deepEqual(missingReferences(AARCH64), []);
  for (const r of allReferences()) assert.ok(X86_64.byName.has(r.name) || AARCH64.byName.has(r.name), `${r.name} is in no table`);
  assert.equal(allReferences().length, new Set([...rowsOf(X86_64), ...rowsOf(AARCH64)].map((r) => r.name)).size);
});

test('each signature is one C declaration of the syscall, with as many arguments as the table prints, named uniquely', () => {
  for (const t of [X86_64, AARCH64]) {
    for (const row of rowsOf(t)) {
      const ref = referenceOf(row.name)!;
      const sig = parseSignature(ref.signature);
      assert.equal(sig.name, row.name, ref.signature);
      assert.equal(sig.args.length, row.nargs, `${row.name} on ${t.name}: ${ref.signature} has ${sig.args.length} arguments, the table ${row.nargs}`);
      const names = sig.args.map((a) => a.name);
      assert.equal(new Set(names).size, names.length, `${row.name}: argument names repeat`);
      for (const a of sig.args) assert.match(a.type, /^[A-Za-z_][\w *]*[\w*\]]$/, `${row.name}: type of ${a.name}`);
    }
  }
  assert.throws(() => parseSignature('int read(int fd, '), /bad signature/);
  assert.throws(() => parseSignature('int read(int, void *buf)'), /bad argument/);
});

test('the numbers and classes are the tables\', and --syscalls shows the classes as -e trace= names them', () => {
  for (const t of [X86_64, AARCH64]) {
    for (const row of rowsOf(t)) {
      const ref = referenceOf(row.name)!;
      assert.equal(ref.numbers[t.name], row.nr, `${row.name} on ${t.name}`);
    }
  }
  for (const row of rowsOf(X86_64)) assert.deepEqual(referenceOf(row.name)!.classes, row.classes, row.name);
  assert.deepEqual(classNames(X86_64.byName.get('stat')!), ['%file', '%stat', '%%stat']);
  assert.deepEqual(classNames(X86_64.byName.get('socket')!), ['%network']);
  // execve's seccomp_default is internal: not a class anyone can name
  assert.deepEqual(classNames(X86_64.byName.get('execve')!), ['%file', '%process']);
  const listed = run(SYSRAY, ['--syscalls']);
  assert.equal(listed.status, 0, listed.stderr);
  for (const row of rowsOf(X86_64)) {
    if (process.arch !== 'x64') break;
    const line = listed.stdout.split('\n').find((l) => l.trim().split(/\s+/)[1] === row.name && l.trim().startsWith(`${row.nr} `));
    assert.ok(line, `no line for ${row.name}`);
    for (const c of classNames(row)) assert.ok(line.split(/\s+/).includes(c), `${row.name}: ${c} not shown in ${line}`);
  }
});

test('entries say something: one-line words, known errno names, related calls that exist', () => {
  const names = new Set([...rowsOf(X86_64), ...rowsOf(AARCH64)].map((r) => r.name));
  for (const r of allReferences()) {
    for (const s of [r.summary, r.returns]) {
      assert.ok(s.length > 0 && !s.includes('\n'), `${r.name}: ${s}`);
      assert.doesNotMatch(s, /\.$/, `${r.name}: no final full stop`);
    }
    for (const [e, when] of Object.entries(r.errors ?? {})) {
      assert.ok(errnoByName(e) !== undefined, `${r.name}: unknown errno ${e}`);
      assert.ok(typeof when === 'string' && when.length > 3, `${r.name}: ${e} says when`);
    }
    for (const s of r.see ?? []) assert.ok(names.has(s), `${r.name}: see ${s}, no such syscall`);
  }
  // the common calls name the APIs that lead to them
  for (const n of ['openat', 'read', 'write', 'close', 'socket', 'bind', 'listen', 'accept4', 'epoll_wait', 'mmap', 'execve', 'clone', 'exit_group']) {
    assert.ok(referenceOf(n)!.via!.length > 0, n);
  }
  assert.ok(referenceOf('openat')!.via!.includes('fs.writeFileSync()'));
});

test('every entry has an example line, made by the syscall\'s decoder and the strace renderer', () => {
  const t = process.arch === 'arm64' ? AARCH64 : X86_64;
  for (const row of rowsOf(t)) {
    const line = exampleLine(t, row, referenceOf(row.name)!);
    assert.ok(line !== undefined, `${row.name}: the decoder failed on its example`);
    assert.ok(line.startsWith(`${row.name}(`) && / = /.test(line), `${row.name}: ${line}`);
  }
  if (t !== X86_64) return;
  const line = (n: string) => exampleLine(X86_64, X86_64.byName.get(n)!, referenceOf(n)!);
  assert.equal(line('openat'), 'openat(AT_FDCWD, "test.txt", O_WRONLY|O_CREAT|O_TRUNC, 0600) = 3');
  assert.equal(line('connect'), 'connect(3, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 EINPROGRESS (Operation now in progress)');
  assert.equal(line('execve'), 'execve("/usr/bin/ls", ["ls", "-l"], 0x7ffd5e4a10e0 /* 2 vars */) = 0');
  assert.match(line('tuxcall')!, /= -1 ENOSYS \(Function not implemented\)$/);
});

test('--describe\'s example is the line sysray prints for a real call with those arguments', { skip: process.arch !== 'x64' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sysray-describe-'));
  const out = join(dir, 'trace');
  // printf writes its output in one write(1, …); stdout is a pipe here
  const r = spawnSync(SYSRAY, ['-o', out, '-e', 'trace=write', 'printf', 'hello, world\\n'], { encoding: 'utf8', env: testEnv(), timeout: 30_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'hello, world\n');
  const traced = readFileSync(out, 'utf8').split('\n').find((l) => l.startsWith('write(1,'));
  const described = /^example +(.*)$/m.exec(run(SYSRAY, ['--describe=write']).stdout)?.[1];
  assert.ok(traced && described);
  assert.equal(described, traced);
});

test('--syscalls=SET lists exactly what -e trace=SET traces', () => {
  const t = process.arch === 'arm64' ? AARCH64 : X86_64;
  const sets = ['%network', '/^sched_', '!%file,%desc', 'open,openat,close', '%%stat', '0,1,2', '%process,kill', '?nosuch,read', '!all', 'all', 'none'];
  for (const set of sets) {
    const traced = parseArgs(['-e', `trace=${set}`, 'true']).filters.trace;
    const want = rowsOf(t).filter((r) => traced.has(r.nr)).map((r) => r.name);
    assert.deepEqual(selectRows(t, set).map((r) => r.name), want, set);
    const cli = run(SYSRAY, [`--syscalls=${set}`]);
    assert.equal(cli.status, 0, `${set}: ${cli.stderr}`);
    const shown = cli.stdout.split('\n').slice(1).flatMap((l) => /^ *(\d+) (\S+)/.exec(l)?.[2] ?? []);
    assert.deepEqual(shown, want, set);
  }
  // independently of the filter code: %network is the rows with the network class
  assert.deepEqual(selectRows(t, '%network').map((r) => r.name), rowsOf(t).filter((r) => r.classes.includes('network')).map((r) => r.name));
  // without a SET, every row of the table, newer than strace 6.1 or not
  assert.equal(selectRows(t, undefined).length, rowsOf(t).length);
  const all = run(SYSRAY, ['--syscalls']);
  assert.equal(all.stdout.split('\n').filter((l) => /^ *\d+ /.test(l)).length, rowsOf(t).length);
  assert.match(all.stdout, /^ *\S+ +read +%desc +ssize_t read\(int fd, void \*buf, size_t count\)\n +read up to count bytes/m);
});

test('--describe=NAME|NUMBER prints the whole entry', { skip: process.arch !== 'x64' }, () => {
  const byName = run(SYSRAY, ['--describe=openat']);
  assert.equal(byName.status, 0, byName.stderr);
  assert.equal(byName.stderr, '');
  const text = byName.stdout;
  assert.equal(run(SYSRAY, ['--describe', '257']).stdout, text);
  assert.equal(text, describe(X86_64, 'openat'));
  assert.match(text, /^openat: open \(and maybe create\) a file/);
  assert.match(text, /^    int openat\(int dirfd, const char \*pathname, int flags, mode_t mode\)$/m);
  assert.match(text, /^number +257 on x86_64, 56 on aarch64$/m);
  assert.match(text, /^classes +%desc %file$/m);
  assert.match(text, /^errors +ENOENT +a directory on the path/m);
  assert.match(text, /^ +EEXIST +O_CREAT\|O_EXCL was given/m);
  assert.match(text, /^reached by +.*fs\.writeFileSync\(\)/m);
  assert.match(text, /^example +openat\(AT_FDCWD, "test\.txt", O_WRONLY\|O_CREAT\|O_TRUNC, 0600\) = 3$/m);
  // a syscall newer than strace 6.1 is still described (-e trace= does not know it)
  assert.match(run(SYSRAY, ['--describe=cachestat']).stdout, /^number +451 on x86_64, 451 on aarch64$/m);
});

test('a bad SET or name: strace\'s one-line message, exit 1', () => {
  for (const set of ['foo', 'read,foo', '%nosuch', '/[', '99999']) {
    const ours = run(SYSRAY, [`--syscalls=${set}`]);
    const theirs = run(STRACE, ['-e', `trace=${set}`, 'true']);
    assert.equal(ours.status, 1, set);
    assert.equal(ours.stdout, '', set);
    assert.equal(ours.stderr.replace(/^\S*sysray:/, 'TOOL:'), theirs.stderr.replace(/^\S*strace:/, 'TOOL:'), set);
    assert.equal(ours.stderr.split('\n').length, 2, `${set}: one line`);
  }
  for (const what of ['foo', '9999', '-1', '']) {
    const r = run(SYSRAY, [`--describe=${what}`]);
    assert.equal(r.status, 1, what);
    assert.equal(r.stderr.replace(/^\S*sysray:/, 'sysray:'), `sysray: invalid system call '${what}'\n`);
  }
  const missing = run(SYSRAY, ['--describe']);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /option '--describe' requires an argument/);
});

test('the reference loads only when asked for: a trace never opens it', { skip: process.arch !== 'x64' }, () => {
  const opened = (args: string[]): boolean => {
    const out = join(mkdtempSync(join(tmpdir(), 'sysray-ref-')), 'trace');
    const r = spawnSync(STRACE, ['-o', out, '-e', 'trace=openat', SYSRAY, ...args], { encoding: 'utf8', env: testEnv(), timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    return /dist\/reference\.cjs"/.test(readFileSync(out, 'utf8'));
  };
  assert.equal(opened(['-o', '/dev/null', 'true']), false);
  assert.equal(opened(['--describe=read']), true);
  const first = readFileSync(join(SYSRAY, '..', '..', 'dist', 'sysray.cjs'), 'latin1');
  assert.ok(!first.includes('fs.writeFileSync()'), 'the rows are not in the first script');
});
