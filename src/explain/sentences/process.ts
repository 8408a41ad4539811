/** Explanations for process calls: exec, fork and clone, exit, wait, ids, limits, futexes. */
import type { Value } from '../../decode/value.js';
import { bytes, bytesText, Call, count, duration, field, has, isNull, names, num, path, symOf, type Sentence } from '../words.js';

/** execve's argv as a short command line: `ls -la /etc`. */
function argvWords(v: Value | undefined): string {
  if (v?.k !== 'array') return '';
  const words = v.items.slice(0, 6).map((it) => (it.k === 'str' ? path(it) : '?'));
  return words.join(' ') + (v.items.length > 6 || v.more ? ' …' : '');
}

function execed(c: Call, file: string, argv: Value | undefined): string {
  const cmd = argvWords(argv);
  return c.say(`replaced this program with ${file}${cmd ? `, running: ${cmd}` : ''}`, `run ${file}`, file);
}

/** A wait status token (`[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]`) as words. */
function statusWords(v: Value | undefined): string | undefined {
  const items = v?.k === 'array' ? v.items : v ? [v] : [];
  const t = items[0];
  const text = t?.k === 'tok' ? t.text : undefined;
  if (!text) return undefined;
  let m = /WEXITSTATUS\(s\) == (\d+)/.exec(text);
  if (m) return `exited with status ${m[1]}`;
  m = /WTERMSIG\(s\) == (\w+)/.exec(text);
  if (m) return `was killed by ${m[1]}${text.includes('WCOREDUMP') ? ' (core dumped)' : ''}`;
  m = /WSTOPSIG\(s\) == (\w+)/.exec(text);
  if (m) return `stopped on ${m[1]}`;
  if (text.includes('WIFCONTINUED')) return 'was continued';
  return undefined;
}

function waited(c: Call, who: bigint, status: Value | undefined, opts: Value | undefined): string {
  const whom = who === -1n ? 'any child' : who === 0n ? 'any child in its process group' : who < -1n ? `any child in process group ${-who}` : `child ${who}`;
  const nohang = has(opts, 'WNOHANG');
  return c.say(() => {
    if (c.rv === 0n && nohang) return `checked on ${whom} without waiting (WNOHANG): none has changed state`;
    const st = statusWords(status);
    return `waited for ${whom}: process ${c.rv}${st ? ' ' + st : ' changed state'}`;
  }, `wait for ${whom}`);
}

/** clone's flags as what the new task shares. */
function cloneWords(flags: string[]): string {
  if (flags.includes('CLONE_THREAD')) return 'started a new thread';
  if (flags.includes('CLONE_VM') && flags.includes('CLONE_VFORK')) return 'started a child process sharing its memory until it execs (vfork)';
  return 'created a child process (a copy of this one)';
}

const hexOf = (v: bigint): string => '0x' + BigInt.asUintN(64, v).toString(16);

const ended = (c: Call, what: string): string => `${what} with status ${c.n(0)}; the call does not return`;

/** A signal number or name, as words. */
const sigWord = (v: Value | undefined): string => symOf(v) ?? (num(v) === 0n ? 'signal 0 (only a check that it exists)' : `signal ${num(v) ?? '?'}`);

/** The target of kill(): a process, a group, or everyone. */
function killTarget(pid: bigint): string {
  if (pid > 0n) return `process ${pid}`;
  if (pid === 0n) return 'its own process group';
  if (pid === -1n) return 'every process it may signal';
  return `process group ${-pid}`;
}

const ID = (what: string): Sentence => (c) => c.say(`asked its ${what}: ${c.rv}`, `get its ${what}`);

/** The prlimit/getrlimit resource as words. */
const RLIMITS: Record<string, string> = {
  RLIMIT_STACK: 'stack size', RLIMIT_NOFILE: 'number of open files', RLIMIT_CORE: 'core dump size', RLIMIT_AS: 'address space',
  RLIMIT_DATA: 'data size', RLIMIT_NPROC: 'number of processes', RLIMIT_CPU: 'CPU time', RLIMIT_FSIZE: 'file size',
  RLIMIT_MEMLOCK: 'locked memory', RLIMIT_RTPRIO: 'real-time priority',
};
const rlimit = (v: Value | undefined): string => { const s = symOf(v) ?? ''; return RLIMITS[s] ? `${RLIMITS[s]} limit` : 'resource limit'; };
/** Limits counted in bytes (the others count files, processes, seconds, …). */
const IN_BYTES = new Set(['RLIMIT_STACK', 'RLIMIT_CORE', 'RLIMIT_AS', 'RLIMIT_DATA', 'RLIMIT_FSIZE', 'RLIMIT_MEMLOCK', 'RLIMIT_MSGQUEUE', 'RLIMIT_RSS']);
/** A limit struct's current value, as words (strace prints `8192*1024` for a multiple of 1024). */
function limitValue(res: Value | undefined, v: Value | undefined): string | undefined {
  const cur = field(v, 'rlim_cur');
  if (!cur) return undefined;
  const n = names(cur);
  if (n.includes('RLIM64_INFINITY') || n.includes('RLIM_INFINITY')) return 'unlimited';
  const m = cur.k === 'sym' ? /^(\d+)\*1024$/.exec(cur.name) : null;
  const value = m ? BigInt(m[1]!) * 1024n : num(cur);
  if (value === undefined) return undefined;
  return IN_BYTES.has(symOf(res) ?? '') ? bytes(value) : String(value);
}

/** futex's operation in words. */
function futexWords(c: Call): string {
  const op = (symOf(c.a(1)) ?? '').replace(/_PRIVATE$/, '').replace(/_REALTIME$/, '');
  const addr = num(c.a(0));
  const at = addr === undefined ? 'a futex' : `the futex at 0x${addr.toString(16)}`;
  switch (op) {
    case 'FUTEX_WAIT': case 'FUTEX_WAIT_BITSET': {
      const t = duration(c.a(3));
      return c.say(`slept on ${at} until woken${t ? ` (at most ${t})` : ''} (a lock or condition wait)`, `wait on ${at}`);
    }
    case 'FUTEX_WAKE': case 'FUTEX_WAKE_BITSET': return c.say(`woke ${count(c.rv, 'thread')} waiting on ${at}`, `wake threads on ${at}`);
    case 'FUTEX_REQUEUE': case 'FUTEX_CMP_REQUEUE': return c.say(`woke or moved ${count(c.rv, 'waiter')} from ${at} to another futex`, `requeue waiters of ${at}`);
    case 'FUTEX_LOCK_PI': case 'FUTEX_LOCK_PI2': return c.say(`took the lock at ${at}`, `lock ${at}`);
    case 'FUTEX_UNLOCK_PI': return c.say(`released the lock at ${at}`, `unlock ${at}`);
    default: return c.say(`did ${op || 'an operation'} on ${at}`, `do ${op || 'an operation'} on ${at}`);
  }
}

/** prctl's option in words. */
function prctlWords(c: Call): string {
  const op = symOf(c.a(0)) ?? '';
  switch (op) {
    case 'PR_SET_NAME': return c.say(`named this thread ${c.a(1).k === 'str' ? bytesText((c.a(1) as { b: Uint8Array }).b) : '?'}`, 'set the thread name');
    case 'PR_GET_NAME': return c.say('asked the name of this thread', 'get the thread name');
    case 'PR_SET_PDEATHSIG': return c.say(`asked for ${sigWord(c.a(1))} when its parent dies`, 'set the parent-death signal');
    case 'PR_SET_NO_NEW_PRIVS': return c.say('gave up gaining privileges through exec (no_new_privs)', 'set no_new_privs');
    case 'PR_SET_DUMPABLE': return c.say(`made the process ${c.n(1) ? 'dumpable' : 'not dumpable (no core dumps, no ptrace by others)'}`, 'set dumpable');
    case 'PR_SET_SECCOMP': return c.say('installed a seccomp filter on its own syscalls', 'set seccomp');
    case 'PR_CAPBSET_READ': return c.say(`asked whether capability ${symOf(c.a(1)) ?? c.n(1)} is in its bounding set: ${c.rv ? 'yes' : 'no'}`, 'read the capability bounding set');
    case 'PR_SET_VMA': return c.say('gave a name to a range of its memory', 'name a memory range');
    case 'PR_SET_CHILD_SUBREAPER': return c.say('became the reaper of its orphaned descendants', 'become a subreaper');
    default: return c.say(`did the process control ${op || 'operation'}`, `do ${op || 'a process control'}`);
  }
}

export const PROCESS: Record<string, Sentence> = {
  execve: (c) => execed(c, path(c.a(0)), c.a(1)),
  execveat: (c) => execed(c, path(c.a(1)), c.a(2)),
  fork: (c) => c.say(`created a child process (a copy of this one): process ${c.rv}`, 'fork'),
  vfork: (c) => c.say(`started child process ${c.rv} sharing its memory until it execs (vfork)`, 'vfork'),
  clone: (c) => c.say(`${cloneWords(c.args.flatMap(names))}: ${names(c.a(1)).includes('CLONE_THREAD') ? 'thread' : 'process'} ${c.rv}`, 'clone'),
  clone3: (c) => {
    const f = names(field(c.a(0), 'flags'));
    return c.say(`${cloneWords(f)}: ${f.includes('CLONE_THREAD') ? 'thread' : 'process'} ${c.rv}`, 'clone');
  },
  exit: (c) => ended(c, 'ended this thread'),
  exit_group: (c) => ended(c, 'ended the process (all its threads)'),
  wait4: (c) => waited(c, BigInt.asIntN(32, c.n(0)), c.args[1], c.args[2]),
  waitid: (c) => {
    const which = symOf(c.a(0));
    const who = which === 'P_ALL' ? -1n : which === 'P_PGID' ? -c.n(1) : c.n(1);
    const code = symOf(field(c.a(2), 'si_code'));
    const st = num(field(c.a(2), 'si_status'));
    return c.say(() => (code ? `waited for ${who === -1n ? 'any child' : `child ${who}`}: process ${num(field(c.a(2), 'si_pid')) ?? '?'} ${code === 'CLD_EXITED' ? `exited with status ${st}` : code === 'CLD_KILLED' ? 'was killed' : 'changed state'}` : `checked on ${who === -1n ? 'any child' : `child ${who}`}: no change yet`), 'wait for a child');
  },
  kill: (c) => c.say(`sent ${sigWord(c.a(1))} to ${killTarget(BigInt.asIntN(32, c.n(0)))}`, `send ${sigWord(c.a(1))} to ${killTarget(BigInt.asIntN(32, c.n(0)))}`),
  tkill: (c) => c.say(`sent ${sigWord(c.a(1))} to thread ${c.n(0)}`, `signal thread ${c.n(0)}`),
  tgkill: (c) => c.say(`sent ${sigWord(c.a(2))} to thread ${c.n(1)} of process ${c.n(0)}`, `signal thread ${c.n(1)}`),
  getpid: ID('process id'),
  getppid: ID("parent's process id"),
  gettid: ID('thread id'),
  getuid: ID('real user id'),
  geteuid: ID('effective user id (the one permission checks use)'),
  getgid: ID('real group id'),
  getegid: ID('effective group id'),
  getpgrp: ID('process group'),
  getpgid: (c) => c.say(`asked the process group of ${c.n(0) === 0n ? 'itself' : `process ${c.n(0)}`}: ${c.rv}`, 'get a process group'),
  getsid: (c) => c.say(`asked the session of ${c.n(0) === 0n ? 'itself' : `process ${c.n(0)}`}: ${c.rv}`, 'get a session'),
  setsid: (c) => c.say(`started a new session ${c.rv}, leaving its terminal`, 'start a new session'),
  setpgid: (c) => c.say(`moved ${c.n(0) === 0n ? 'itself' : `process ${c.n(0)}`} into process group ${c.n(1) === 0n ? 'of its own' : c.n(1)}`, 'set a process group'),
  getresuid: (c) => c.say('asked its real, effective and saved user ids', 'get its user ids'),
  getresgid: (c) => c.say('asked its real, effective and saved group ids', 'get its group ids'),
  getgroups: (c) => c.say(`asked its supplementary groups: ${count(c.rv, 'group')}`, 'get its groups'),
  setuid: (c) => c.say(`became user ${c.n(0)}`, `become user ${c.n(0)}`),
  setgid: (c) => c.say(`became group ${c.n(0)}`, `become group ${c.n(0)}`),
  setreuid: (c) => c.say('changed its user ids', 'change its user ids'),
  setregid: (c) => c.say('changed its group ids', 'change its group ids'),
  setresuid: (c) => c.say('changed its real, effective and saved user ids', 'change its user ids'),
  setresgid: (c) => c.say('changed its real, effective and saved group ids', 'change its group ids'),
  setgroups: (c) => c.say(`set its supplementary groups to ${count(c.n(0), 'group')}`, 'set its groups'),
  setfsuid: (c) => c.say(`used user ${c.n(0)} for file access checks`, 'set the file-system user'),
  setfsgid: (c) => c.say(`used group ${c.n(0)} for file access checks`, 'set the file-system group'),
  capget: (c) => c.say(`asked which capabilities (root powers) ${num(field(c.a(0), 'pid')) ? `process ${num(field(c.a(0), 'pid'))}` : 'it'} holds`, 'read its capabilities'),
  capset: (c) => c.say('changed which capabilities (root powers) it holds', 'change its capabilities'),
  prctl: prctlWords,
  arch_prctl: (c) => {
    const op = symOf(c.a(0)) ?? '';
    if (op === 'ARCH_SET_FS') return c.say(`pointed the FS register at its thread-local storage, ${hexOf(c.n(1))}`, 'set the thread-local storage');
    if (op === 'ARCH_GET_FS') return c.say('read where its thread-local storage is', 'read the thread-local storage');
    return c.say(`did the x86 control ${op || 'operation'}`, `do ${op || 'an x86 control'}`);
  },
  set_tid_address: (c) => c.say(`told the kernel where to clear its thread id when it exits (thread id ${c.rv})`, 'set its tid address'),
  set_robust_list: (c) => c.say(`registered its list of held locks at ${hexOf(c.n(0))} (${bytes(c.n(1))}), for the kernel to release if the thread dies`, 'register its robust futex list'),
  get_robust_list: (c) => c.say('read a thread\'s list of held locks', 'read a robust futex list'),
  rseq: (c) => c.say(`registered a ${bytes(c.n(1))} per-thread area at ${hexOf(c.n(0))} that the kernel keeps up to date with the CPU it runs on (restartable sequences)`, 'register restartable sequences'),
  futex: futexWords,
  futex_waitv: (c) => c.say(`waited on ${count(c.n(1), 'futex', 'futexes')} at once`, 'wait on futexes'),
  sched_yield: (c) => c.say('gave up the CPU so other threads may run', 'yield'),
  sched_getaffinity: (c) => c.say(`asked which CPUs ${c.n(0) === 0n ? 'it' : `process ${c.n(0)}`} may run on`, 'get its CPU affinity'),
  sched_setaffinity: (c) => c.say(`restricted ${c.n(0) === 0n ? 'itself' : `process ${c.n(0)}`} to some CPUs`, 'set its CPU affinity'),
  sched_getscheduler: (c) => c.say(`asked the scheduling policy of ${c.n(0) === 0n ? 'itself' : `process ${c.n(0)}`}`, 'get a scheduling policy'),
  sched_setscheduler: (c) => c.say(`set the scheduling policy of ${c.n(0) === 0n ? 'itself' : `process ${c.n(0)}`} to ${symOf(c.a(1)) ?? '?'}`, 'set a scheduling policy'),
  sched_getparam: (c) => c.say(`asked the scheduling priority of ${c.n(0) === 0n ? 'itself' : `process ${c.n(0)}`}`, 'get scheduling parameters'),
  sched_setparam: (c) => c.say(`set the scheduling priority of ${c.n(0) === 0n ? 'itself' : `process ${c.n(0)}`}`, 'set scheduling parameters'),
  sched_getattr: (c) => c.say('asked its scheduling attributes', 'get scheduling attributes'),
  sched_setattr: (c) => c.say('set its scheduling attributes', 'set scheduling attributes'),
  getpriority: (c) => c.say(`asked the nice value of ${symOf(c.a(0)) === 'PRIO_PROCESS' && c.n(1) === 0n ? 'itself' : `${c.n(1)}`}`, 'get a priority'),
  setpriority: (c) => c.say(`set the nice value of ${c.n(1) === 0n ? 'itself' : c.n(1)} to ${c.n(2)}`, 'set a priority'),
  prlimit64: (c) => {
    const who = c.n(0) === 0n ? 'its' : `process ${c.n(0)}'s`;
    const set = !isNull(c.a(2));
    const now = limitValue(c.a(1), c.a(set ? 2 : 3));
    return set ? c.say(`set ${who} ${rlimit(c.a(1))}${now ? ` to ${now}` : ''}`, `set ${who} ${rlimit(c.a(1))}`)
      : c.say(`asked ${who} ${rlimit(c.a(1))}${now ? `: ${now}` : ''}`, `get ${who} ${rlimit(c.a(1))}`);
  },
  getrlimit: (c) => c.say(`asked its ${rlimit(c.a(0))}${limitValue(c.a(0), c.a(1)) ? `: ${limitValue(c.a(0), c.a(1))}` : ''}`, `get its ${rlimit(c.a(0))}`),
  setrlimit: (c) => c.say(`set its ${rlimit(c.a(0))}${limitValue(c.a(0), c.a(1)) ? ` to ${limitValue(c.a(0), c.a(1))}` : ''}`, `set its ${rlimit(c.a(0))}`),
  getrusage: (c) => c.say(`asked the resources used by ${symOf(c.a(0)) === 'RUSAGE_CHILDREN' ? 'its finished children' : symOf(c.a(0)) === 'RUSAGE_THREAD' ? 'this thread' : 'itself'}`, 'get resource usage'),
  uname: (c) => {
    const sys = field(c.a(0), 'sysname'), rel = field(c.a(0), 'release'), node = field(c.a(0), 'nodename');
    const t = (v: Value | undefined): string => (v?.k === 'str' ? bytesText(v.b) : '');
    return c.say(`asked which system it runs on: ${[t(sys), t(rel)].filter(Boolean).join(' ') || 'its kernel'}${t(node) ? ` on host ${t(node)}` : ''}`, 'get the system name');
  },
  sysinfo: (c) => c.say(`asked for system statistics (uptime ${num(field(c.a(0), 'uptime')) ?? '?'} s, ${num(field(c.a(0), 'procs')) ?? '?'} processes)`, 'get system statistics'),
  getrandom: (c) => c.say(`got ${count(c.rv, 'random byte')} from the kernel${has(c.a(2), 'GRND_NONBLOCK') ? ' (without waiting)' : ''}`, `get ${count(c.n(1), 'random byte')}`),
  personality: (c) => c.say(num(c.a(0)) === 0xffffffffn ? 'asked its execution domain (personality)' : 'set its execution domain (personality)', 'change its personality'),
  pidfd_open: (c) => c.say(`opened a handle on process ${c.n(0)} → ${c.fdOut}`, `open a handle on process ${c.n(0)}`, `process ${c.n(0)}`),
  pidfd_send_signal: (c) => c.say(`sent ${sigWord(c.a(1))} through the process handle`, 'signal through a process handle'),
  ptrace: (c) => c.say(`did the debugging request ${symOf(c.a(0)) ?? '?'} on process ${c.n(1)}`, `do ${symOf(c.a(0)) ?? 'a ptrace request'}`),
  seccomp: (c) => c.say(`installed a seccomp rule on its own syscalls (${symOf(c.a(0)) ?? 'operation'})`, 'install a seccomp rule'),
  unshare: (c) => c.say(`moved itself into new ${names(c.a(0)).join(', ') || 'namespaces'}`, 'unshare'),
  setns: (c) => c.say('joined another namespace', 'join a namespace'),
  sethostname: (c) => c.say('changed the host name', 'set the host name'),
  kcmp: (c) => c.say(`compared kernel resources of processes ${c.n(0)} and ${c.n(1)}`, 'compare kernel resources'),
  restart_syscall: (c) => c.say('resumed a call a signal had interrupted', 'resume an interrupted call'),
};
