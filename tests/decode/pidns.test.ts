/**
 * --decode-pids=pidns in the decoders and renderers: which kind of pid (thread, process, group,
 * session) each argument is asked as (strace's printpid types), and how the notes the tracer
 * answers with print: strace's `2<name> /* 9002 in strace's PID NS *\/`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { REGISTRY } from '../../src/decode/index.js';
import type { Ctx, PidType } from '../../src/decode/types.js';
import { formatRet, formatValue } from '../../src/render/strace.js';
import { valueJson } from '../../src/render/json.js';
import { FakeMemory } from '../helpers/decode.js';

/** A call's entry as strace prints it, with every pid p > 0 of the tracee's namespace being 9000 + p in sysray's. */
function entry(name: string, args: number[]): { text: string; asked: [number, PidType][] } {
  const asked: [number, PidType][] = [];
  const c: Ctx = {
    pid: 9002, nr: 0, name, args: [...args, 0, 0, 0, 0, 0, 0].slice(0, 6).map((a) => BigInt.asUintN(64, BigInt(a))),
    mem: new FakeMemory(false), opt: { strsize: 32, abbrev: true, verbose: true }, rval: 0n, err: 0, state: {},
    pidNotes: (pid, type) => {
      asked.push([pid, type]);
      return { nsPid: 9000 + pid };
    },
  };
  return { text: `${name}(${REGISTRY[name]!.entry(c).map((v) => formatValue(v)).join(', ')})`, asked };
}

const NS = (n: number) => `/* ${9000 + n} in strace's PID NS */`;

test('pids are asked by their kind, and print with the comment', () => {
  const cases: [string, number[], string, [number, PidType][]][] = [
    ['kill', [2, 0], `kill(2 ${NS(2)}, 0)`, [[2, 'tgid']]],
    // a process group is a negative pid: its id is translated, the sign kept
    ['kill', [-3, 0], `kill(-3 ${NS(3)}, 0)`, [[3, 'pgid']]],
    ['kill', [-1, 0], 'kill(-1, 0)', []],
    ['tgkill', [2, 4, 0], `tgkill(2 ${NS(2)}, 4 ${NS(4)}, 0)`, [[2, 'tgid'], [4, 'tid']]],
    ['setpgid', [0, 3], `setpgid(0, 3 ${NS(3)})`, [[3, 'pgid']]],
    ['getpriority', [1, 3], `getpriority(PRIO_PGRP, 3 ${NS(3)})`, [[3, 'pgid']]],
    ['getpriority', [2, 3], 'getpriority(PRIO_USER, 3)', []],
    ['ioprio_set', [2, 3, 0], `ioprio_set(IOPRIO_WHO_PGRP, 3 ${NS(3)}, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 0))`, [[3, 'pgid']]],
    ['ioprio_set', [3, 3, 0], 'ioprio_set(IOPRIO_WHO_USER, 3, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 0))', []],
    // PR_SCHED_CORE_GET (its cookie prints at exit): the pid's kind is the PIDTYPE_* after it
    ['prctl', [62, 0, 5, 3, 0], `prctl(PR_SCHED_CORE, PR_SCHED_CORE_GET, 5 ${NS(5)}, 0x3 /* PIDTYPE_SID */)`, [[5, 'sid']]],
    ['prctl', [62, 0, 5, 0, 0], `prctl(PR_SCHED_CORE, PR_SCHED_CORE_GET, 5 ${NS(5)}, 0 /* PIDTYPE_PID */)`, [[5, 'tid']]],
    ['prctl', [62, 0, 5, 9, 0], 'prctl(PR_SCHED_CORE, PR_SCHED_CORE_GET, 5, 0x9 /* PIDTYPE_??? */)', []],
    // kcmp's fds are the tracee's (9002 in sysray's namespace): -y may resolve them
    ['kcmp', [2, 7, 0, 3, 4], `kcmp(2 ${NS(2)}, 7 ${NS(7)}, KCMP_FILE, 3, 4)`, [[2, 'tgid'], [7, 'tgid'], [2, 'tgid'], [7, 'tgid']]],
  ];
  for (const [name, args, text, asked] of cases) assert.deepEqual(entry(name, args), { text, asked }, `${name}(${args.join(', ')})`);
});

test('kcmp: an fd of the tracee, as its pid in its own namespace names it, is an fd', () => {
  const c: Ctx = {
    pid: 9002, nr: 0, name: 'kcmp', args: [2n, 7n, 0n, 3n, 4n, 0n], mem: new FakeMemory(false),
    opt: { strsize: 32, abbrev: true, verbose: true }, rval: 0n, err: 0, state: {},
    pidNotes: (pid) => ({ nsPid: 9000 + pid }),
  };
  const kinds = REGISTRY.kcmp!.entry(c).slice(3).map((v) => v.k);
  assert.deepEqual(kinds, ['fd', 'int']);
});

test('the notes print as strace prints them: the name, then the comment; JSON keeps the number', () => {
  const v = { k: 'int', v: 2n, comm: new TextEncoder().encode('sh'), nsPid: 9002 } as const;
  assert.equal(formatValue(v), `2<sh> ${NS(2)}`);
  assert.deepEqual(valueJson(v), { kind: 'int', value: 2, comm: 'sh', nsPid: 9002 });
  assert.equal(formatRet({ rval: 2n, errno: 0, fmt: 'd', nsPid: 9002 }), `= 2 ${NS(2)}`);
  // the comment is strace's tprintf_comment, which -X raw keeps
  assert.equal(formatValue({ k: 'int', v: 2n, nsPid: 9002 }, { acolumn: 40, xflag: 0, xlat: 'raw' }), `2 ${NS(2)}`);
});

test('results declare their pid kind', async () => {
  const { factsFor } = await import('../../src/decode/index.js');
  const { NATIVE } = await import('../../src/arch/index.js');
  const kind = (name: string) => {
    const f = factsFor(NATIVE.rows.find((r) => r?.name === name)!);
    return f.pid ? f.pidType ?? 'tgid' : undefined;
  };
  assert.deepEqual(['getpid', 'getppid', 'gettid', 'fork', 'clone', 'wait4', 'getpgrp', 'getpgid', 'getsid', 'setsid'].map(kind),
    ['tgid', 'tgid', 'tid', 'tgid', 'tid', 'tgid', 'pgid', 'pgid', 'sid', undefined]);
});
