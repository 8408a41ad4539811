/** The strace text renderer's line bookkeeping across processes (no tracer: events made by hand). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StraceText } from '../../src/render/strace.js';
import { filterStage } from '../../src/cli/main.js';
import { defaultFilters, qualifyStatus } from '../../src/filter/expr.js';
import { NATIVE } from '../../src/arch/index.js';
import type { Event } from '../../src/model.js';
import { eventJson } from '../../src/render/json.js';
import { eventFromJson } from '../../src/replay/events.js';

const LEADER = 100, THREAD = 101;
const execve = NATIVE.byName.get('execve')!.nr;
const str = (s: string) => ({ k: 'str', b: Buffer.from(s) }) as never;

/** A thread's execve: its entry, the leader's exec event (the thread takes the leader's pid), its result. */
const threadExec: Event[] = [
  { type: 'attach', pid: LEADER, how: 'start', time: 0n },
  { type: 'attach', pid: THREAD, how: 'child', time: 0n },
  { type: 'syscall_entry', pid: THREAD, nr: execve, name: 'execve', args: [str('/bin/x')], complete: true, time: 0n },
  { type: 'superseded', pid: LEADER, oldPid: THREAD, time: 0n },
  {
    type: 'syscall', pid: LEADER, nr: execve, name: 'execve', args: [str('/bin/x')], entryArgs: 1,
    ret: { rval: 0n, errno: 0, fmt: 'd' }, time: 0n, duration: 0n,
  },
];

function render(events: Event[], quiet: string[] = [], stage?: (next: (ev: Event) => void) => (ev: Event) => void): string {
  const text = new StraceText({ pidPrefix: true, outfile: true, acolumn: 0, quiet: new Set(quiet) });
  let out = '';
  const sink = (ev: Event) => void (out += text.render(ev));
  const into = stage ? stage(sink) : sink;
  for (const ev of events) into(ev);
  return out;
}

test('an exec by a thread ends its open line with `<pid changed to LEADER ...>`', () => {
  assert.equal(render(threadExec), [
    '101   execve("/bin/x" <pid changed to 100 ...>',
    '100   +++ superseded by execve in pid 101 +++',
    '100   <... execve resumed>) = 0',
    '',
  ].join('\n'));
});

test('--quiet=thread-execve hides the superseded line, not the pid change', () => {
  assert.equal(render(threadExec, ['thread-execve']), [
    '101   execve("/bin/x" <pid changed to 100 ...>',
    '100   <... execve resumed>) = 0',
    '',
  ].join('\n'));
});

test('a status filter drops the exec\'ing thread\'s held entry: `none` shows only the superseded line', () => {
  const f = defaultFilters();
  qualifyStatus(f, 'none');
  assert.equal(render(threadExec, [], (next) => filterStage(f, next)), '100   +++ superseded by execve in pid 101 +++\n');
  const g = defaultFilters();
  qualifyStatus(g, 'failed');
  assert.equal(render(threadExec, [], (next) => filterStage(g, next)), '100   +++ superseded by execve in pid 101 +++\n');
});

test('an entry with arguments still to come ends with their `, ` at once (a tracer killed then leaves it)', () => {
  const nanosleep = NATIVE.byName.get('nanosleep')!.nr;
  const text = new StraceText({ acolumn: 0 });
  const ts = { k: 'str', b: Buffer.from('t') } as never;
  assert.equal(text.render({ type: 'syscall_entry', pid: LEADER, nr: nanosleep, name: 'nanosleep', args: [ts], complete: false, time: 0n }), 'nanosleep("t", ');
  assert.equal(text.render({
    type: 'syscall', pid: LEADER, nr: nanosleep, name: 'nanosleep', args: [ts, { k: 'ptr', v: 0n }], entryArgs: 1,
    ret: { rval: 0n, errno: 0, fmt: 'd' }, time: 0n, duration: 0n,
  }), 'NULL) = 0\n');
});

test('a tracee killed at a stop: `???(` when its entry could not be read, `= ? <unavailable>` at exit', () => {
  const kill = NATIVE.byName.get('kill')!.nr, yieldNr = NATIVE.byName.get('sched_yield')!.nr;
  const n = (v: number) => ({ k: 'int', v: BigInt(v) }) as never;
  const events: Event[] = [
    { type: 'syscall_entry', pid: LEADER, nr: kill, name: 'kill', args: [n(THREAD), n(9)], complete: true, time: 0n },
    { type: 'syscall_entry', pid: THREAD, nr: -1, name: '???', args: [], complete: true, time: 0n },
    { type: 'syscall', pid: LEADER, nr: kill, name: 'kill', args: [n(THREAD), n(9)], entryArgs: 2, ret: { rval: 0n, errno: 0, fmt: 'd' }, time: 0n, duration: 0n },
    { type: 'syscall', pid: THREAD, nr: -1, name: '???', args: [], entryArgs: 0, time: 0n, duration: 0n },
    { type: 'syscall_entry', pid: 102, nr: yieldNr, name: 'sched_yield', args: [], complete: true, time: 0n },
    { type: 'syscall', pid: 102, nr: yieldNr, name: 'sched_yield', args: [], entryArgs: 0, unavailable: true, time: 0n, duration: 0n },
    { type: 'syscall_entry', pid: 103, nr: yieldNr, name: 'sched_yield', args: [], complete: true, time: 0n },
    { type: 'syscall_entry', pid: LEADER, nr: kill, name: 'kill', args: [n(103), n(9)], complete: true, time: 0n },
    { type: 'syscall', pid: 103, nr: yieldNr, name: 'sched_yield', args: [], entryArgs: 0, unavailable: true, time: 0n, duration: 0n },
  ];
  // a recording keeps both: replayed, the calls print the same
  const replayed = events.map((ev) => ev.type === 'syscall' ? { ...eventFromJson(eventJson(ev)!), scno: undefined } as Event : ev);
  assert.equal(render(replayed), render(events));
  assert.equal(render(events), [
    '100   kill(101, 9 <unfinished ...>',
    '101   ???( <unfinished ...>',
    '100   <... kill resumed>) = 0',
    '101   <... ??? resumed>) = ?',
    '102   sched_yield() = ? <unavailable>',
    '103   sched_yield( <unfinished ...>',
    '100   kill(103, 9 <unfinished ...>',
    '103   <... sched_yield resumed>) = ? <unavailable>',
    '',
  ].join('\n'));
  const f = defaultFilters();
  qualifyStatus(f, 'unavailable');
  assert.equal(render(events, [], (next) => filterStage(f, next)), '102   sched_yield() = ? <unavailable>\n103   sched_yield() = ? <unavailable>\n');
});

test('a tracee that died stopped in a call: its open line ends ` <unfinished ...>`, a cut one gets nothing more', () => {
  const yieldNr = NATIVE.byName.get('sched_yield')!.nr, read = NATIVE.byName.get('read')!.nr;
  const fd = { k: 'fd', fd: 0 } as never;
  const died = (pid: number, nr: number, name: string, args: never[], entryArgs: number, unfinished: boolean): Event => ({
    type: 'syscall', pid, nr, name, args, entryArgs, time: 0n, duration: 0n, died: true, ...(unfinished ? { unfinished: true } : {}),
  });
  const events: Event[] = [
    { type: 'syscall_entry', pid: THREAD, nr: -1, name: '???', args: [], complete: true, time: 0n },
    died(THREAD, -1, '???', [], 0, false),
    { type: 'killed', pid: THREAD, sig: 9, name: 'SIGKILL', core: false, time: 0n },
    { type: 'syscall_entry', pid: 102, nr: read, name: 'read', args: [fd], complete: false, time: 0n },
    { type: 'syscall_entry', pid: 103, nr: yieldNr, name: 'sched_yield', args: [], complete: true, time: 0n },
    died(102, read, 'read', [fd], 1, true),
    { type: 'killed', pid: 102, sig: 9, name: 'SIGKILL', core: false, time: 0n },
    { type: 'syscall', pid: 103, nr: yieldNr, name: 'sched_yield', args: [], entryArgs: 0, ret: { rval: 0n, errno: 0, fmt: 'd' }, time: 0n, duration: 0n },
  ];
  const expected = [
    '101   ???( <unfinished ...>',
    '101   +++ killed by SIGKILL +++',
    '102   read(0,  <unfinished ...>',
    '103   sched_yield( <unfinished ...>',
    '102   +++ killed by SIGKILL +++',
    '103   <... sched_yield resumed>) = 0',
    '',
  ].join('\n');
  assert.equal(render(events), expected);
  // a recording keeps the call (JSON Lines writes it once it ended): replayed, the lines are the same
  const recorded = events.map((ev) => ev.type === 'syscall' ? { ...eventFromJson(eventJson(ev)!), scno: undefined } as Event : ev);
  assert.equal(render(recorded), expected);
  // -e status=unfinished keeps such a call, as strace's droptcb publishes its staged line
  const f = defaultFilters();
  qualifyStatus(f, 'unfinished');
  assert.equal(render(events, [], (next) => filterStage(f, next)), '101   ???( <unfinished ...>\n101   +++ killed by SIGKILL +++\n102   read(0,  <unfinished ...>\n102   +++ killed by SIGKILL +++\n');
});

test('a personality switch prints strace\'s `[ Process PID=N runs in 32 bit mode. ]` line, unless quiet', () => {
  const getpid = NATIVE.byName.get('getpid')!.nr;
  const events: Event[] = [
    { type: 'syscall_entry', pid: LEADER, nr: getpid, name: 'getpid', args: [], complete: false, time: 0n },
    { type: 'personality', pid: THREAD, mode: '32 bit', time: 0n },
  ];
  assert.equal(render(events), '100   getpid( <unfinished ...>\n101   [ Process PID=101 runs in 32 bit mode. ]\n');
  assert.equal(render(events, ['personality']), '100   getpid(');
  const ev = events[1]!;
  assert.deepEqual(eventFromJson(eventJson(ev)!), ev);
});
