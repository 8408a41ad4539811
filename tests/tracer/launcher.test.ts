/**
 * bin/sysray, the executable launcher (src/tracer/launcher.S, launcher.ts), and bin/sysray.sh, the
 * shell one: what the traced command inherits through each, the launcher's child from fork to
 * execve (or to its exit when there is nothing to run), and the plan the tracer writes into it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA_OFFSETS, LAUNCH_DATA, launcherCode, launcherImage, planBlocks } from '../../src/tracer/launcher.js';
import { editEnviron } from '../../src/tracer/spawn.js';
import { compare, diffReport, ROOT, STRACE, SYSRAY, testEnv } from '../helpers/diff.js';
import { fixture, haveCc } from '../helpers/fixtures.js';

const SYSRAY_SH = join(ROOT, 'bin', 'sysray.sh');
const x64 = process.arch === 'x64';
const scratch = () => mkdtempSync(join(tmpdir(), 'sysray-launcher-'));

test('the machine code is what cc assembles from launcher.S', { skip: !x64 && 'x86_64 only' }, () => {
  const d = scratch();
  execFileSync('cc', ['-c', join(ROOT, 'src', 'tracer', 'launcher.S'), '-o', join(d, 'l.o')]);
  execFileSync('objcopy', ['-O', 'binary', '-j', '.text', join(d, 'l.o'), join(d, 'l.bin')]);
  const want = readFileSync(join(d, 'l.bin'));
  assert.ok(want.length > 500);
  assert.ok(launcherCode().equals(want), 'src/tracer/launcher.ts is stale: run node scripts/asm-tables.mjs');
  // in Intel syntax a size keyword wins over a symbol of the same name: [r15+WORD] is [r15+2]
  const names = [...readFileSync(join(ROOT, 'src', 'tracer', 'launcher.S'), 'utf8').matchAll(/^\.equ (\w+),/gm)].map((m) => m[1]!);
  assert.ok(names.length > 10);
  const keywords = new Set(['BYTE', 'WORD', 'DWORD', 'FWORD', 'QWORD', 'TBYTE', 'OWORD', 'XMMWORD', 'YMMWORD', 'ZMMWORD', 'PTR', 'OFFSET', 'SHORT', 'FLAT']);
  assert.deepEqual(names.filter((n) => keywords.has(n.toUpperCase())), [], 'an .equ named like an operand keyword');
});

test('launcher.ts writes the data area at the offsets launcher.S reads', () => {
  const equ = new Map([...readFileSync(join(ROOT, 'src', 'tracer', 'launcher.S'), 'utf8').matchAll(/^\.equ (\w+),\s*(0x[0-9a-f]+|\d+)/gm)]
    .map((m) => [m[1]!, Number(m[2]!)] as const));
  assert.ok(Object.keys(DATA_OFFSETS).length >= 14);
  for (const [name, off] of Object.entries(DATA_OFFSETS)) assert.equal(off, equ.get(name), `${name}: launcher.ts ${off}, launcher.S ${equ.get(name)}`);
});

test('the build installs the launcher as bin/sysray', { skip: !x64 && 'x86_64 only' }, () => {
  assert.ok(readFileSync(SYSRAY).equals(launcherImage()));
  assert.equal(readFileSync(SYSRAY).subarray(0, 4).toString('latin1'), '\x7fELF');
});

/** The NUL-terminated string at address `a` of the strings block. */
function cstr(strings: Buffer, a: bigint): string {
  const off = Number(a - LAUNCH_DATA - 0x100000n);
  return strings.toString('latin1', off, strings.indexOf(0, off));
}

/** A NULL-terminated pointer array at `a`, as strings. */
function list(strings: Buffer, a: bigint): string[] {
  const out: string[] = [];
  for (let off = Number(a - LAUNCH_DATA - 0x100000n); ; off += 8) {
    const p = strings.readBigUInt64LE(off);
    if (p === 0n) return out;
    out.push(cstr(strings, p));
  }
}

test('the plan: pathname, argv and envp pointers lead to their strings; the filter and its header', () => {
  const filter = Buffer.alloc(24, 0xab);
  const b = planBlocks({ path: '/usr/bin/env', argv: ['env', '', 'caf\xc3\xa9'], envp: ['A=1', 'A=2'], filter, noNewPrivs: true })!;
  assert.equal(cstr(b.strings, b.head.readBigUInt64LE(0x18)), '/usr/bin/env');
  assert.deepEqual(list(b.strings, b.head.readBigUInt64LE(0x20)), ['env', '', 'caf\xc3\xa9']);
  assert.deepEqual(list(b.strings, b.head.readBigUInt64LE(0x28)), ['A=1', 'A=2']);
  assert.equal(b.head.readBigUInt64LE(0), 3n, 'install, with PR_SET_NO_NEW_PRIVS');
  assert.equal(b.head.readUInt16LE(8), 3, 'sock_fprog.len: three instructions');
  assert.equal(b.head.readBigUInt64LE(16), LAUNCH_DATA + 0x100n);
  assert.ok(b.head.subarray(0x100).equals(filter));
  // no envp: the child keeps the caller's; no filter: the word is 0 (the child stops itself)
  const c = planBlocks({ path: '/bin/true', argv: ['true'] })!;
  assert.equal(c.head.readBigUInt64LE(0x28), 0n);
  assert.equal(c.head.readBigUInt64LE(0), 0n);
  assert.deepEqual(list(c.strings, c.head.readBigUInt64LE(0x20)), ['true']);
  assert.equal(planBlocks({ path: '/bin/true', argv: ['x'.repeat(0x2000000)] }), undefined, 'larger than the data area');
  // the launcher's own argv from index 3, exec'd as its argv[0] names it: no pointers, just the index
  const d = planBlocks({ argv: 3 })!;
  assert.equal(d.head.readBigUInt64LE(0x48), 3n);
  assert.equal(d.head.readBigUInt64LE(0x18), 0n);
  assert.equal(d.head.readBigUInt64LE(0x20), 0n);
  assert.equal(d.strings.length, 0);
  assert.equal(d.head.readUInt32LE(0x50), 0, 'no -u: credentials left alone');
  // -u: the flag, the groups (count and a pointer to gid_t[]), real and effective uid and gid
  const e = planBlocks({ argv: ['id'], creds: { groups: [65534, 7], ruid: 65534, euid: 0, rgid: 65534, egid: 65534 } })!;
  assert.equal(e.head.readUInt32LE(0x50), 1);
  assert.equal(e.head.readUInt32LE(0x54), 2);
  const at = Number(e.head.readBigUInt64LE(0x58) - LAUNCH_DATA - 0x100000n);
  assert.deepEqual([e.strings.readUInt32LE(at), e.strings.readUInt32LE(at + 4)], [65534, 7]);
  assert.deepEqual([0x60, 0x64, 0x68, 0x6c].map((o) => e.head.readUInt32LE(o)), [65534, 0, 65534, 65534]);
  assert.deepEqual(list(e.strings, e.head.readBigUInt64LE(0x20)), ['id'], 'the strings still follow');
});

test("sysray's Node seizes the launcher's child and releases it: no process of its own for the command", { skip: !x64 && 'x86_64 only' }, () => {
  const out = join(scratch(), 'trace');
  const r = spawnSync(STRACE, ['-o', out, '-e', 'trace=fork,execve,ptrace,write,clone,clone3,vfork', SYSRAY, '-o', '/dev/null', 'true'], { encoding: 'utf8', env: testEnv(), timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  const lines = readFileSync(out, 'utf8').split('\n');
  const forked = /^fork\(\)\s+= (\d+)$/.exec(lines.find((l) => l.startsWith('fork(')) ?? '');
  assert.ok(forked, lines.join('\n'));
  const pid = forked[1]!;
  const node = lines.findIndex((l) => /^execve\(".*node", \["node", "--v8-pool-size=1", "--min-semi-space-size=4", "--max-semi-space-size=4", ".*\/bin\/boot\.cjs", ".*bin\/sysray", "-o"/.test(l) && / = 0$/.test(l));
  const seize = lines.findIndex((l) => l.startsWith(`ptrace(PTRACE_SEIZE, ${pid},`) && / = 0$/.test(l));
  const release = lines.findIndex((l) => /^write\(\d+, "\\1", 1\)\s+= 1$/.test(l));
  assert.ok(node > 0 && seize > node && release > seize, lines.join('\n'));
  assert.ok(!lines.some((l) => /CLONE_VFORK|^vfork/.test(l)), 'spawned a process of its own');
});

test("with nothing to run, the launcher's child reads end of file and exits", { skip: !x64 && 'x86_64 only' }, () => {
  for (const args of [['-V'], ['-p', '999999999'], ['--no-such-option']]) {
    const out = join(scratch(), 'trace');
    spawnSync(STRACE, ['-f', '-o', out, '-e', 'trace=fork,read,exit_group', SYSRAY, ...args], { encoding: 'utf8', env: testEnv(), timeout: 60_000 });
    const lines = readFileSync(out, 'utf8').split('\n');
    // the child may run before fork returns in the parent: then strace splits the line in two
    const pid = /^\d+\s+(?:fork\(|<\.\.\. fork resumed>)\)\s+= (\d+)$/.exec(lines.find((l) => /^\d+\s+(?:fork\(\)|<\.\.\. fork resumed>\)) /.test(l)) ?? '')?.[1];
    assert.ok(pid, lines.join('\n'));
    const mine = lines.filter((l) => l.startsWith(`${pid} `));
    assert.ok(mine.some((l) => /read(\(\d+, | resumed>)"", 1\)\s+= 0$/.test(l)), mine.join('\n'));
    assert.ok(mine.some((l) => /exit_group\(1[ )]/.test(l)), mine.join('\n'));
    assert.ok(lines.some((l) => l.startsWith(`${pid} `) && /\+\+\+ exited with 1 \+\+\+/.test(l)), args.join(' '));
  }
});

test("the child has not run yet when Node writes its plan: it still reads the pipe and runs the command", { skip: (!x64 && 'x86_64 only') || (!haveCc() && 'needs cc') }, () => {
  // the plan's head covers the data area where the launcher left the pipe's fds; a loaded machine
  // can run the child only after that write, which the fixture forces every time
  const equ = (name: string) => Number(new RegExp(`^\\.equ ${name},\\s*(0x[0-9a-f]+)`, 'm').exec(readFileSync(join(ROOT, 'src', 'tracer', 'launcher.S'), 'utf8'))![1]);
  const at = '0x' + (equ('DATA') + equ('PIPE')).toString(16);
  const args = ['-e', 'trace=exit_group', 'true'];
  const r = spawnSync(fixture('launcher_late_child'), [at, SYSRAY, ...args], { encoding: 'utf8', env: testEnv(), timeout: 60_000 });
  const want = spawnSync(STRACE, args, { encoding: 'utf8', env: testEnv(), timeout: 60_000 });
  assert.match(want.stderr, /^exit_group\(0\)/);
  assert.equal(r.stderr, want.stderr);
  assert.equal(r.status, 0);
});

test('arguments reach the command byte for byte, as under strace (not as Node decodes them)', { skip: !x64 && 'x86_64 only' }, () => {
  const dir = scratch();
  // bytes that are not UTF-8, in the command's arguments, through a shell that keeps them
  const cmd = (tool: string, out: string) => `"${tool}" -e trace=execve -o ${out} printf '%s|%s' "$(printf 'caf\\351')" "$(printf '\\377\\376')" | od -An -tx1`;
  const a = spawnSync('sh', ['-c', cmd(STRACE, join(dir, 'a'))], { encoding: 'latin1', env: testEnv() });
  const b = spawnSync('sh', ['-c', cmd(SYSRAY, join(dir, 'b'))], { encoding: 'latin1', env: testEnv() });
  assert.match(a.stdout, /63 61 66 e9 7c ff fe/);
  assert.equal(b.stdout, a.stdout);
  const line = (f: string) => readFileSync(join(dir, f), 'latin1').split('\n')[0]!.replace(/0x[0-9a-f]+ \/\*/, 'ADDR /*');
  assert.equal(line('b'), line('a'));
  assert.match(line('a'), /\["printf", "%s\|%s", "caf\\351", "\\377\\376"\]/);
});

test('without node on PATH: a one-line message and status 127', { skip: !x64 && 'x86_64 only' }, () => {
  const r = spawnSync(SYSRAY, ['true'], { encoding: 'utf8', env: { PATH: '/nonexistent' } });
  assert.equal(r.status, 127);
  assert.equal(r.stderr, 'sysray: node: not found\n');
  // with no PATH at all, the shell's default path finds it
  const v = spawnSync(SYSRAY, ['-V'], { encoding: 'utf8', env: {} });
  assert.equal(v.status, 0, v.stderr);
  assert.match(v.stdout, /^sysray -- version /);
});

test('-u USER: the command runs as that user, with its groups, and set-user-ID programs as their owner, as under strace', { skip: (!x64 && 'x86_64 only') || (process.getuid?.() !== 0 && 'needs root') }, () => {
  for (const opts of [['-u', 'nobody'], ['-f', '-e', 'trace=%network,%creds', '-u', 'nobody']]) {
    const c = compare(['id'], opts);
    assert.ok(c.ok, diffReport(c));
    assert.match(c.straceRun.stdout, /^uid=65534\(nobody\) gid=\d+\(\w+\) groups=/);
    assert.equal(c.sysrayRun.stdout, c.straceRun.stdout);
  }
  // a set-user-ID copy of id: effective uid its owner's (root)
  const dir = scratch();
  execFileSync('cp', ['/usr/bin/id', join(dir, 'id')]);
  chmodSync(join(dir, 'id'), 0o4755);
  chmodSync(dir, 0o755);
  const a = spawnSync(STRACE, ['-e', 'trace=none', '-u', 'nobody', join(dir, 'id')], { encoding: 'utf8', env: testEnv() });
  const b = spawnSync(SYSRAY, ['-e', 'trace=none', '-u', 'nobody', join(dir, 'id')], { encoding: 'utf8', env: testEnv() });
  assert.match(a.stdout, /^uid=65534\(nobody\) gid=\d+\(\w+\) euid=0\(root\)/);
  assert.equal(b.stdout, a.stdout);
  // strace 6.1 knows user names only
  for (const who of ['nosuch-user', '0:0']) {
    const s = spawnSync(STRACE, ['-u', who, 'true'], { encoding: 'utf8' });
    const r = spawnSync(SYSRAY, ['-u', who, 'true'], { encoding: 'utf8' });
    assert.equal(r.status, s.status);
    assert.equal(s.stderr, `${STRACE}: Cannot find user '${who}'\n`);
    assert.equal(r.stderr.replace(SYSRAY, STRACE), s.stderr);
  }
});

// as a user other than root: is this tree (and node) usable by nobody?
const asNobody = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
const nobodyCan = process.getuid?.() === 0 && spawnSync(asNobody[0]!, [...asNobody.slice(1), SYSRAY, '-V'], { encoding: 'utf8' }).status === 0;

test('not root: the filter goes in with PR_SET_NO_NEW_PRIVS first, as under strace --seccomp-bpf', { skip: (!x64 && 'x86_64 only') || (!nobodyCan && 'needs root, setpriv, and a tree nobody can read') }, () => {
  const status = (tool: string[]) => {
    const r = spawnSync(asNobody[0]!, [...asNobody.slice(1), ...tool, '-f', '-e', 'trace=%network', '-o', '/dev/null', 'grep', '-E', '^(NoNewPrivs|Seccomp):', '/proc/self/status'], { encoding: 'utf8', env: testEnv() });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout;
  };
  const a = status([STRACE, '--seccomp-bpf']);
  assert.equal(a, 'NoNewPrivs:\t1\nSeccomp:\t2\n');
  // the launcher's child read the seccomp word from the wrong offset, so it never asked for
  // PR_SET_NO_NEW_PRIVS: the kernel refused the filter and every syscall stopped
  assert.equal(status([SYSRAY]), a);
});

test("-E edits the environment as strace's make_env does: in place, every entry removed, bare names", () => {
  const env = ['A=1', 'B', 'A=2', 'AB=3', 'C=4'];
  assert.deepEqual(editEnviron(env, ['A=9']), ['A=9', 'B', 'A=2', 'AB=3', 'C=4']); // the first A only
  assert.deepEqual(editEnviron(env, ['A']), ['B', 'AB=3', 'C=4']); // every A, not AB
  assert.deepEqual(editEnviron(env, ['B=x', 'D=', 'C']), ['A=1', 'B=x', 'A=2', 'AB=3', 'D=']);
  assert.deepEqual(editEnviron([], ['X', 'Y=1', 'Y=2']), ['Y=2']);
  assert.deepEqual(env, ['A=1', 'B', 'A=2', 'AB=3', 'C=4'], 'the caller\'s array is left alone');
});

// What the traced command inherits, through either launcher, against strace: ignored signals
// (SIGCHLD too: strace gives the command the caller's disposition), blocked ones, the environment
// in order (Node's own variables included, and as -E edits it), and fds.
const inherit = `
import os, signal, sys
signal.signal(signal.SIGCHLD, signal.SIG_IGN)
signal.signal(signal.SIGINT, signal.SIG_IGN)
signal.signal(signal.SIGPIPE, signal.SIG_DFL)
signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1, signal.SIGTERM])
fd = os.open('/dev/null', os.O_RDONLY)
os.dup2(fd, 7, inheritable=True)
env = {'ZZ': '1', 'NODE_OPTIONS': '--require=/nonexistent.js', 'PATH': os.environ['PATH'], 'AA': 'x=y'}
os.execve(sys.argv[1], [sys.argv[1], '-o', '/dev/null'] + sys.argv[2:], env)
`;
const run = (tool: string, cmd: string[]) => {
  const r = spawnSync('python3', ['-c', inherit, tool, ...cmd], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
};

for (const [name, tool] of [['bin/sysray', SYSRAY], ['bin/sysray.sh', SYSRAY_SH]] as const) {
  test(`${name}: the command inherits the caller's signals, environment and fds, as under strace`, () => {
    const status = (t: string) => run(t, ['grep', '-E', '^Sig(Ign|Blk)', '/proc/self/status']);
    const a = status(STRACE);
    assert.match(a, /SigBlk:\t0*4200\nSigIgn:\t0*10002\n/, 'under strace: USR1 and TERM blocked, INT and CHLD ignored');
    // dash resets SIGCHLD before it reads a script: the shell launcher cannot see it was ignored
    assert.equal(status(tool), tool === SYSRAY_SH ? a.replace('10002', '00002') : a);
    const env = run(STRACE, ['env']);
    assert.match(env, /^ZZ=1\nNODE_OPTIONS=--require=\/nonexistent\.js\nPATH=.*\nAA=x=y\n$/);
    assert.equal(run(tool, ['env']), env);
    // -E: replaced in place, removed (Node's own variables too), added at the end; the command is
    // still found through sysray's own PATH
    const edits = ['-E', 'AA=1', '-E', 'NODE_OPTIONS', '-E', 'NEW=v', '-E', 'PATH=/nonexistent', '-E', 'ZZ=', 'env'];
    const edited = run(STRACE, edits);
    assert.equal(edited, 'ZZ=\nPATH=/nonexistent\nAA=1\nNEW=v\n');
    assert.equal(run(tool, edits), edited);
    const fds = run(STRACE, ['ls', '/proc/self/fd']);
    assert.match(fds, /^7$/m);
    assert.equal(run(tool, ['ls', '/proc/self/fd']), fds);
  });
}
