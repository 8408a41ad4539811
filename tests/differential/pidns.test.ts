/**
 * --pidns-translation (--decode-pids=pidns) against strace: pids a tracee in a new PID namespace
 * names, as arguments and results of each kind (process, thread, group, session), are followed by
 * `/* N in strace's PID NS *\/`; also when the tracer itself runs in a new namespace whose /proc is
 * still the outer one's (`unshare -Urpf`, as strace's own pidns tests run it a second time).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STRACE, SYSRAY, traceWith } from '../helpers/diff.js';
import { fixture, haveCc, scratch } from '../helpers/fixtures.js';

const CALLS = 'trace=fork,getpid,getppid,gettid,getpgrp,getpgid,getsid,setpgid,kill,tgkill,tkill,getpriority,sched_getscheduler,fcntl';

/**
 * The trace as per-process sequences, each process and every pid of sysray's namespace named by
 * the pid it has in the new namespace (learnt from the comments), the outer process as H0: the
 * two tracers' runs then compare whatever pids the kernel gave.
 */
function canonical(trace: string): string[] {
  const host = new Map<string, string>();
  for (const m of trace.matchAll(/\b(\d+)(?:<[^>]*>)? \/\* (\d+) in strace's PID NS \*\//g)) host.set(m[2]!, `H${m[1]}`);
  const seqs = new Map<string, string[]>();
  const pending = new Map<string, string>();
  for (const line of trace.split('\n')) {
    // `PID text`, or with -Y `PID<name> text` (the name kept with the text)
    const m = /^(\d+)(<[^>]*>)? +(.*)$/.exec(line);
    if (!m) continue;
    const [, pid, name, text] = m as unknown as [string, string, string | undefined, string];
    if (text.endsWith(' <unfinished ...>')) {
      pending.set(pid, text.slice(0, -' <unfinished ...>'.length));
      continue;
    }
    const r = /^<\.\.\. \w+ resumed>(.*)$/.exec(text);
    const full = r && pending.has(pid) ? pending.get(pid)! + r[1] : text;
    pending.delete(pid);
    if (!seqs.has(pid)) seqs.set(pid, []);
    seqs.get(pid)!.push((name ?? '') + full.replace(/\) +=/, ') =')
      .replace(/ \/\* (\d+) in strace's PID NS \*\//g, (_, n: string) => ` /* ${host.get(n) ?? 'H?'} */`)
      // the outer process's fork returns the first's pid in sysray's namespace
      .replace(/^(fork\(\) = )(\d+)(?=(?:<[^>]*>)?$)/, (_, a: string, n: string) => a + (host.get(n) ?? n)));
  }
  return [...seqs].map(([pid, lines]) => `${host.get(pid) ?? 'H0'}:\n${lines.join('\n')}`).sort();
}

const runs: [string, string[], string[]][] = [
  ['direct', [], ['--pidns-translation']],
  ['-Y too', [], ['--decode-pids=pidns,comm']],
  ['/proc of the outer namespace', ['unshare', '-Urpf'], ['--decode-pids=pidns']],
];

for (const [what, wrap, opts] of runs) {
  test(`--pidns-translation: pids of a new PID namespace as strace shows them (${what})`, { skip: !haveCc() && 'no cc' }, (t) => {
    const prog = fixture('pidns_calls');
    if (spawnSync(prog).status === 77) return t.skip('no PID namespaces here');
    if (wrap.length && spawnSync(wrap[0]!, [...wrap.slice(1), 'true']).status !== 0) return t.skip(`${wrap.join(' ')} refused`);
    const d = scratch();
    const run = (tracer: string) => {
      const [tool, ...pre] = wrap.length ? [...wrap, tracer] : [tracer];
      return traceWith(tool!, [...pre, '-f', '-e', 'signal=none', '-e', CALLS, ...opts], [prog], d);
    };
    const a = run(STRACE), b = run(SYSRAY);
    assert.equal(a.status, 0, a.stderr);
    // on the merged lines: a fork in another process may split strace's getpid() in two
    const want = canonical(a.trace);
    assert.match(want.join('\n'), /getpid\(\) = 1(<[^>]*>)? \/\* H\d+ \*\//, a.trace);
    assert.deepEqual(canonical(b.trace), want, `${a.trace}\n---\n${b.trace}`);
    assert.equal(b.status, a.status, b.stderr);
  });
}

test('--replay of a --json recording made with --pidns-translation: the comments, or without it none', { skip: !haveCc() && 'no cc' }, (t) => {
  const prog = fixture('pidns_calls');
  if (spawnSync(prog).status === 77) return t.skip('no PID namespaces here');
  const d = scratch();
  const opts = ['-f', '-e', 'signal=none', '-e', CALLS, '--pidns-translation'];
  const live = traceWith(SYSRAY, opts, [prog], d);
  const rec = join(d, 'rec.json');
  assert.equal(spawnSync(SYSRAY, ['--json', '-o', rec, ...opts, prog], { cwd: d }).status, 0);
  const replayed = (more: string[]) => {
    const out = join(d, 'replayed');
    const r = spawnSync(SYSRAY, ['--replay', rec, '-f', '-o', out, ...more], { encoding: 'latin1' });
    assert.equal(r.status, 0, r.stderr);
    return readFileSync(out, 'latin1');
  };
  assert.deepEqual(canonical(replayed(['--pidns-translation'])), canonical(live.trace));
  const bare = replayed([]);
  assert.match(bare, /getpid\(\) += 1\n/, bare);
  assert.doesNotMatch(bare, /PID NS/);
});
