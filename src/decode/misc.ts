/**
 * Decoders of the misc family (time, resources, scheduling, polling, futex, …). The printers the
 * families share are in printers.ts. Nothing here imports another family file.
 */
import { A, addr, buf, fd, localArray, rd, sig, sint, ulong, withFacts, type ArgFn } from './args.js';
import type { Ctx, RetInfo, SyscallDecoder } from './types.js';
import {
  array, badPtr, field, hex, int, join, note, struct, sym, tok, uint, type Field, type Value,
} from './value.js';
import { flags as xflags, symbol, type Xlat } from './xlat/core.js';
import { CLOCK_IDS, POLL_EVENTS, SCHEDULERS } from './xlat/tables.js';
import { ADJTIMEX_MODES, ADJTIMEX_STATE, ADJTIMEX_STATUS, EFD_FLAGS, EPOLL_CREATE_FLAGS, EPOLL_CTL_OPS, EPOLL_EVENTS, FUTEX_BITSET, FUTEX_OPS, FUTEX_WAKE_CMPS, FUTEX_WAKE_OPS, GETRANDOM_FLAGS, ITIMER_WHICH, MEMBARRIER_CMDS, MEMBARRIER_FLAGS, PERSONALITY_FLAGS, PERSONALITY_TYPES, PRIORITY_WHICH, RESOURCES, SYSLOG_ACTIONS, SYSLOG_CONSOLE_LEVELS, TFD_FLAGS, TIMER_FLAGS, USAGE_WHO } from './xlat/sigtime.js';
import {
  affinityAt, cstrField, fetch, numAt, printArray, timespecV, timevalV, timespecAt, timevalAt, itimerAt, sigsetAt, bitset,
  clockT, rusageAt, xval, xflags32, P, pidV, flagsText, isErestart, withAux, sprinttime, sigeventAt,
} from './printers.js';

// ================================================================ time

/** printclockname: a clockid_t. */
const clockArg: ArgFn = (c, i) => xval(CLOCK_IDS, c.args[i]!, 'CLOCK_???');

/** The remaining-time argument of nanosleep/clock_nanosleep: its value only when interrupted. */
const remainAt = (c: Ctx, a: bigint): Value => (isErestart(c) ? timespecAt(c, a) : addr(a));

const timeDec: SyscallDecoder = {
  entry: () => [],
  exit: (c) => [fetch(c, c.args[0]!, 8, (b) => {
    const t = rd.s64(b, 0);
    const s = sprinttime(t);
    return array([s ? note(int(t), s) : int(t)]);
  }, true)],
  ret: (c) => withAux('d', c.err ? undefined : (() => {
    const s = sprinttime(c.rval);
    return s ? tok(s) : undefined;
  })()),
};


const timezoneAt = (c: Ctx, a: bigint, exiting = false): Value =>
  fetch(c, a, 8, (b) => struct([field('tz_minuteswest', int(rd.s32(b, 0))), field('tz_dsttime', int(rd.s32(b, 4)))]), exiting);

/** struct timex (208 bytes, x86_64/aarch64 layout), every field. */
const timexAt = (c: Ctx, a: bigint): Value => fetch(c, a, 208, (b) => {
  const l = (n: string, off: number): Field => field(n, int(rd.s64(b, off)));
  return struct([
    field('modes', xflags(ADJTIMEX_MODES, BigInt(rd.u32(b, 0)), 'ADJ_???')),
    l('offset', 8), l('freq', 16), l('maxerror', 24), l('esterror', 32),
    field('status', xflags(ADJTIMEX_STATUS, BigInt(rd.u32(b, 40)), 'STA_???')),
    l('constant', 48), l('precision', 56), l('tolerance', 64),
    field('time', timevalV(b, 72)),
    l('tick', 88), l('ppsfreq', 96), l('jitter', 104), field('shift', int(rd.s32(b, 112))),
    l('stabil', 120), l('jitcnt', 128), l('calcnt', 136), l('errcnt', 144), l('stbcnt', 152),
    field('tai', int(rd.s32(b, 160))),
  ]);
}, true);

/** adjtimex's result: the clock state by name, when the struct could be printed. */
const adjtimexRet = (c: Ctx, a: bigint): RetInfo => {
  if (c.err || a === 0n || !c.opt.verbose) return { fmt: 'd' };
  const name = ADJTIMEX_STATE.byValue.get(c.rval);
  return withAux('d', name && c.state.timex !== false ? tok(name) : undefined);
};
/** The timex argument at exit; remembers whether it was readable (strace shows no state otherwise). */
const timexArg: ArgFn = (c, i) => {
  const v = timexAt(c, c.args[i]!);
  c.state.timex = v.k === 'struct';
  return v;
};

const timeDecoders: Record<string, SyscallDecoder> = {
  adjtimex64: sig([{ exit: timexArg }], (c) => adjtimexRet(c, c.args[0]!)),
  clock_adjtime64: sig([clockArg, { exit: timexArg }], (c) => adjtimexRet(c, c.args[1]!)),
  time: timeDec,
  gettimeofday: sig([
    { exit: (c, i) => timevalAt(c, c.args[i]!, true) },
    { exit: (c, i) => timezoneAt(c, c.args[i]!, true) },
  ]),
  settimeofday: sig([(c, i) => timevalAt(c, c.args[i]!), (c, i) => timezoneAt(c, c.args[i]!)]),
  clock_gettime64: sig([clockArg, { exit: (c, i) => timespecAt(c, c.args[i]!, true) }]),
  clock_getres_time64: sig([clockArg, { exit: (c, i) => timespecAt(c, c.args[i]!, true) }]),
  clock_settime64: sig([clockArg, (c, i) => timespecAt(c, c.args[i]!)]),
  nanosleep_time64: sig([(c, i) => timespecAt(c, c.args[i]!), { exit: (c, i) => remainAt(c, c.args[i]!) }]),
  clock_nanosleep_time64: sig([
    clockArg,
    (c, i) => xflags32(TIMER_FLAGS, c.args[i]!, 'TIMER_???'),
    (c, i) => timespecAt(c, c.args[i]!),
    { exit: (c, i) => (c.args[1] === 0n ? remainAt(c, c.args[i]!) : addr(c.args[i]!)) },
  ]),
  getitimer: sig([A.sym(ITIMER_WHICH, 'x', 'ITIMER_???'), { exit: (c, i) => itimerAt(c, c.args[i]!, true) }]),
  setitimer: sig([A.sym(ITIMER_WHICH, 'x', 'ITIMER_???'), (c, i) => itimerAt(c, c.args[i]!), { exit: (c, i) => itimerAt(c, c.args[i]!, true) }]),
  alarm: sig([A.uint]),
  timer_create: sig([clockArg, (c, i) => sigeventAt(c, c.args[i]!), { exit: (c, i) => numAt(c, c.args[i]!, true) }]),
  timer_settime64: sig([A.int, (c, i) => xflags32(TIMER_FLAGS, c.args[i]!, 'TIMER_???'), (c, i) => itimerAt(c, c.args[i]!, false, true),
    { exit: (c, i) => itimerAt(c, c.args[i]!, true, true) }]),
  timer_gettime64: sig([A.int, { exit: (c, i) => itimerAt(c, c.args[i]!, true, true) }]),
  timer_getoverrun: sig([A.int]),
  timer_delete: sig([A.int]),
  timerfd_create: withFacts(sig([clockArg, (c, i) => xflags32(TFD_FLAGS, c.args[i]!, 'TFD_???')], 'fd'), { paths: [] }),
  timerfd_settime64: withFacts(sig([A.fd, (c, i) => xflags32(TFD_FLAGS, c.args[i]!, 'TFD_???'), (c, i) => itimerAt(c, c.args[i]!, false, true),
    { exit: (c, i) => itimerAt(c, c.args[i]!, true, true) }]), { paths: [] }),
  timerfd_gettime64: withFacts(sig([A.fd, { exit: (c, i) => itimerAt(c, c.args[i]!, true, true) }]), { paths: [] }),
  times: {
    entry: () => [],
    exit: (c) => [fetch(c, c.args[0]!, 32, (b) => struct(
      ['tms_utime', 'tms_stime', 'tms_cutime', 'tms_cstime'].map((n, i) => field(n, clockT(rd.u64(b, i * 8)))),
    ), true)],
  },
};

// ================================================================ resources, ids of the system

/** print_rlim64_t: RLIM64_INFINITY, `N*1024`, or the number. */
function rlimV(v: bigint): Value {
  if (v === 0xffffffffffffffffn) return sym('RLIM64_INFINITY', v);
  if (v > 1024n && v % 1024n === 0n) return sym(`${v / 1024n}*1024`, v);
  return uint(v);
}
const rlimitAt = (c: Ctx, a: bigint, exiting = false): Value =>
  fetch(c, a, 16, (b) => struct([field('rlim_cur', rlimV(rd.u64(b, 0))), field('rlim_max', rlimV(rd.u64(b, 8)))]), exiting);


/** sethostname/setdomainname: the name's `len` bytes, or its address when longer than a UTS field. */
const utsNameArg: ArgFn = (c, i) => {
  const len = BigInt.asUintN(32, c.args[i + 1]!);
  return len > 64n ? addr(c.args[i]!) : buf(c, c.args[i]!, len);
};

/** A constant strace always shows as `N /* NAME *\/` (printxval_ex with XLAT_STYLE_VERBOSE|FMT_D). */
const verboseD = (x: Xlat, v: bigint, unknown: string): Value => {
  const name = x.byValue.get(v);
  return name ? note(int(v), name) : tok(`${v} /* ${unknown} */`);
};

/** syslog actions whose bufp and len are ignored (strace prints the action alone). */
const SYSLOG_NO_ARGS = new Set([0, 1, 5, 6, 7, 9, 10]);
/** syslog actions that fill bufp (printed at exit). */
const SYSLOG_READS = new Set([2, 3, 4]);
const syslogType = (c: Ctx): number => Number(BigInt.asIntN(32, c.args[0]!));

const syslogDec: SyscallDecoder = {
  entry: (c) => {
    const type = syslogType(c);
    const out = [verboseD(SYSLOG_ACTIONS, BigInt(type), 'SYSLOG_ACTION_???')];
    if (SYSLOG_NO_ARGS.has(type) || SYSLOG_READS.has(type)) return out;
    const len = BigInt.asIntN(32, c.args[2]!);
    out.push(addr(c.args[1]!), type === 8 ? verboseD(SYSLOG_CONSOLE_LEVELS, len, 'LOGLEVEL_???') : int(len));
    return out;
  },
  needsExit: (c) => SYSLOG_READS.has(syslogType(c)),
  exit: (c) => [
    c.err ? addr(c.args[1]!) : buf(c, c.args[1]!, c.rval),
    int(BigInt.asIntN(32, c.args[2]!)),
  ],
};

/** A personality: `PER_LINUX32|READ_IMPLIES_EXEC`, `0x47 /* PER_??? *\/`. */
function personalityV(p: bigint): Value {
  const type = xval(PERSONALITY_TYPES, p & 0xffn, 'PER_???');
  const rest = p & ~0xffn;
  return rest ? join('|', type, xflags(PERSONALITY_FLAGS, rest)) : type;
}

const UTS = ['sysname', 'nodename', 'release', 'version', 'machine', 'domainname'];

/** getpriority's and setpriority's who: a process (PRIO_PROCESS), a process group, or a user. */
const priorityWho: ArgFn = (c, i) => {
  const which = BigInt.asUintN(32, c.args[0]!);
  return which === 0n ? pidV(c, c.args[i]!) : which === 1n ? pidV(c, c.args[i]!, 'pgid') : sint(c.args[i]!);
};

const resourceDecoders: Record<string, SyscallDecoder> = {
  getrlimit: sig([A.sym(RESOURCES, 'x', 'RLIMIT_???'), { exit: (c, i) => rlimitAt(c, c.args[i]!, true) }]),
  setrlimit: sig([A.sym(RESOURCES, 'x', 'RLIMIT_???'), (c, i) => rlimitAt(c, c.args[i]!)]),
  prlimit64: sig([P, A.sym(RESOURCES, 'x', 'RLIMIT_???'), (c, i) => rlimitAt(c, c.args[i]!), { exit: (c, i) => rlimitAt(c, c.args[i]!, true) }]),
  getrusage: sig([A.sym(USAGE_WHO, 'x', 'RUSAGE_???'), { exit: (c, i) => rusageAt(c, c.args[i]!, true) }]),
  getpriority: sig([A.sym(PRIORITY_WHICH, 'x', 'PRIO_???'), priorityWho]),
  setpriority: sig([A.sym(PRIORITY_WHICH, 'x', 'PRIO_???'), priorityWho, A.int]),
  uname: {
    entry: () => [],
    exit: (c) => [fetch(c, c.args[0]!, 65 * 6, (b) => {
      const n = c.opt.abbrev ? 2 : 6;
      return struct(UTS.slice(0, n).map((name, i) => field(name, cstrField(b, i * 65, 65))), c.opt.abbrev);
    }, true)],
  },
  // struct __sysctl_args (80 bytes): pointers and lengths only, as strace prints it
  sysctl: sig([(c, i) => fetch(c, c.args[i]!, 80, (b) => struct([
    field('name', addr(rd.u64(b, 0))), field('nlen', int(rd.s32(b, 8))), field('oldval', addr(rd.u64(b, 16))),
    field('oldlenp', addr(rd.u64(b, 24))), field('newval', addr(rd.u64(b, 32))), field('newlen', uint(rd.u64(b, 40))),
  ]))]),
  sethostname: sig([utsNameArg, A.uint]),
  setdomainname: sig([utsNameArg, A.uint]),
  syslog: syslogDec,
  sysinfo: {
    entry: () => [],
    exit: (c) => [fetch(c, c.args[0]!, 112, (b) => {
      const u = (off: number): Value => uint(rd.u64(b, off));
      return struct([
        field('uptime', u(0)),
        field('loads', localArray(c, [u(8), u(16), u(24)])),
        ...['totalram', 'freeram', 'sharedram', 'bufferram', 'totalswap', 'freeswap'].map((n, i) => field(n, u(32 + i * 8))),
        field('procs', uint(rd.u16(b, 80))),
        field('totalhigh', u(88)),
        field('freehigh', u(96)),
        field('mem_unit', uint(rd.u32(b, 104))),
      ]);
    }, true)],
  },
  personality: {
    entry: (c) => {
      const p = BigInt.asUintN(32, c.args[0]!);
      return [p === 0xffffffffn ? hex(p) : personalityV(p)];
    },
    ret: (c) => (c.err ? { fmt: 'd' } : { fmt: 'x', aux: personalityV(BigInt.asUintN(32, c.rval)) }),
  },
  getrandom: sig([
    { exit: (c, i) => (c.err ? addr(c.args[i]!) : buf(c, c.args[i]!, c.rval, true)) },
    { exit: (c, i) => ulong(c.args[i]!) },
    { exit: (c, i) => xflags32(GETRANDOM_FLAGS, c.args[i]!, 'GRND_???') },
  ]),
  getcpu: sig([
    { exit: (c, i) => numAt(c, c.args[i]!, true, true) },
    { exit: (c, i) => numAt(c, c.args[i]!, true, true) },
    { exit: (c, i) => addr(c.args[i]!) },
  ]),
  membarrier: {
    entry: (c) => {
      const f = BigInt.asUintN(32, c.args[1]!);
      const out = [xval(MEMBARRIER_CMDS, c.args[0]!, 'MEMBARRIER_CMD_???'), xflags(MEMBARRIER_FLAGS, f, 'MEMBARRIER_CMD_FLAG_???')];
      if (f & 1n) out.push(sint(c.args[2]!));
      return out;
    },
    ret: (c) => (BigInt.asUintN(32, c.args[0]!) === 0n && !c.err && c.rval !== 0n
      ? { fmt: 'x', aux: xflags(MEMBARRIER_CMDS, c.rval) }
      : { fmt: 'd' }),
  },
};

// ================================================================ scheduling


const schedDecoders: Record<string, SyscallDecoder> = {
  sched_getaffinity: sig([P, A.uint, { exit: (c, i) => affinityAt(c, c.args[i]!, Number(BigInt.asUintN(32, c.rval)), true) }]),
  sched_setaffinity: sig([P, A.uint, (c, i) => affinityAt(c, c.args[i]!, Number(BigInt.asUintN(32, c.args[1]!)), false)]),
  sched_getscheduler: {
    entry: (c) => [pidV(c, c.args[0]!)],
    ret: (c) => withAux('d', c.err ? undefined : (() => {
      const n = SCHEDULERS.byValue.get(BigInt.asUintN(64, c.rval));
      return n ? tok(n) : undefined;
    })()),
  },
  sched_setscheduler: sig([P, A.sym(SCHEDULERS, 'x', 'SCHED_???'), (c, i) => numAt(c, c.args[i]!)]),
  sched_getparam: sig([P, { exit: (c, i) => numAt(c, c.args[i]!, true) }]),
  sched_setparam: sig([P, (c, i) => numAt(c, c.args[i]!)]),
  sched_get_priority_min: sig([A.sym(SCHEDULERS, 'x', 'SCHED_???')]),
  sched_get_priority_max: sig([A.sym(SCHEDULERS, 'x', 'SCHED_???')]),
  sched_rr_get_interval_time64: sig([P, { exit: (c, i) => timespecAt(c, c.args[i]!, true) }]),
};

// ================================================================ futex

function futexEntry(c: Ctx): Value[] {
  const [uaddr, opRaw, valRaw, timeout, uaddr2, val3Raw] = c.args as [bigint, bigint, bigint, bigint, bigint, bigint];
  const op = BigInt.asIntN(32, opRaw);
  const cmd = Number(op & 127n);
  const val = uint(BigInt.asUintN(32, valRaw));
  const val2 = uint(BigInt.asUintN(32, timeout));
  const val3 = BigInt.asUintN(32, val3Raw);
  const out: Value[] = [addr(uaddr), symbol(FUTEX_OPS, BigInt.asUintN(32, opRaw), 'x', 'FUTEX_???')];
  const ts = (): Value => timespecAt(c, timeout);
  const bitset = (): Value => symbol(FUTEX_BITSET, val3, 'x');
  switch (cmd) {
    case 0: out.push(val, ts()); break; // FUTEX_WAIT
    case 6: case 13: out.push(ts()); break; // FUTEX_LOCK_PI, FUTEX_LOCK_PI2
    case 9: out.push(val, ts(), bitset()); break; // FUTEX_WAIT_BITSET
    case 10: out.push(val, bitset()); break; // FUTEX_WAKE_BITSET
    case 3: out.push(val, val2, addr(uaddr2)); break; // FUTEX_REQUEUE
    case 4: case 12: out.push(val, val2, addr(uaddr2), uint(val3)); break; // FUTEX_CMP_REQUEUE(_PI)
    case 5: out.push(val, val2, addr(uaddr2), wakeOp(val3)); break; // FUTEX_WAKE_OP
    case 11: out.push(val, ts(), addr(uaddr2)); break; // FUTEX_WAIT_REQUEUE_PI
    case 1: case 2: out.push(val); break; // FUTEX_WAKE, FUTEX_FD
    case 7: case 8: break; // FUTEX_UNLOCK_PI, FUTEX_TRYLOCK_PI
    default: out.push(val, addr(timeout), addr(uaddr2), hex(val3));
  }
  return out;
}

/** FUTEX_WAKE_OP's encoded operation: `FUTEX_OP_SET<<28|0<<12|FUTEX_OP_CMP_GT<<24|0x1`. */
function wakeOp(v: bigint): Value {
  const shifted = (x: Value, n: number): Value => join('<<', x, tok(String(n)));
  const part = (x: Xlat, val: bigint, n: number, unknown: string): Value => {
    const name = x.byValue.get(val);
    const raw = note(shifted(hex(val), n), unknown);
    // -X raw keeps strace's `/* FUTEX_OP_??? */` even after a known operation
    return name ? { k: 'styled', abbrev: shifted(symbol(x, val, 'x'), n), raw, verbose: shifted(symbol(x, val, 'x'), n) } : raw;
  };
  const parts: Value[] = [];
  if ((v >> 28n) & 8n) parts.push(shifted({ k: 'sym', name: 'FUTEX_OP_OPARG_SHIFT', v: 8n, fmt: 'x' }, 28));
  parts.push(part(FUTEX_WAKE_OPS, (v >> 28n) & 7n, 28, 'FUTEX_OP_???'));
  parts.push(shifted(hex((v >> 12n) & 0xfffn), 12));
  parts.push(part(FUTEX_WAKE_CMPS, (v >> 24n) & 0xfn, 24, 'FUTEX_OP_CMP_???'));
  parts.push(hex(v & 0xfffn));
  return join('|', ...parts);
}

// ================================================================ polling

const pollfdV = (b: Uint8Array): Value => {
  const f = rd.s32(b, 0);
  const fields: Field[] = [field('fd', { k: 'fd', fd: f })];
  if (f >= 0) fields.push(field('events', xflags(POLL_EVENTS, BigInt(rd.u16(b, 4)), 'POLL???')));
  return struct(fields);
};

const POLL_OUTSTR = 1024;
/** What strace keeps free at the end of that buffer: 2 + 2 * sizeof(long) + sizeof(", ], ..."). */
const POLL_OUTSTR_SLACK = 2 + 16 + 9;
/** The length of sprintflags' text for revents in the current -X style. */
function pollFlagsLen(c: Ctx, revents: number): number {
  const names = flagsText(POLL_EVENTS, BigInt(revents));
  const hexLen = 2 + revents.toString(16).length;
  const known = names.split('|').some((n) => !n.startsWith('0x'));
  if (c.opt.xlat === 'raw') return hexLen;
  if (c.opt.xlat === 'verbose') return known ? hexLen + ' /* '.length + names.length + ' */'.length : hexLen;
  return names.length;
}
/** The number in field `i` of a struct of ints (for text lengths). */
const rd0 = (v: Value, i: number): string => {
  const f = v.k === 'struct' ? v.fields[i]?.v : undefined;
  return f?.k === 'int' ? f.v.toString() : '';
};

/** The text poll/ppoll print after the return value: `[{fd=3, revents=POLLIN}]`, `Timeout`. */
function pollAux(c: Ctx, pts: bigint): Value | undefined {
  if (c.err) return undefined;
  if (c.rval === 0n) return tok('Timeout');
  const start = c.args[0]!;
  const nfds = BigInt.asUintN(32, c.args[1]!);
  if (!c.opt.verbose || start === 0n || nfds === 0n) return undefined;
  const parts: Value[] = [];
  const max = c.opt.abbrev ? c.opt.strsize : Infinity;
  const items: Value[] = [];
  // strace builds this text in a 1024-byte buffer: an entry that would come near its end becomes `...`
  let used = 0;
  for (let i = 0n; i < nfds; i++) {
    const cur = start + i * 8n;
    const b = c.mem.read(cur, 8);
    if (!b) {
      items.push(addr(cur));
      used += (used ? 2 : 1) + 2 + cur.toString(16).length;
      break;
    }
    const revents = rd.u16(b, 6);
    if (!revents) continue;
    used += used ? 2 : 1;
    if (items.length >= max) {
      items.push(tok('...'));
      break;
    }
    const fdNum = rd.s32(b, 0);
    const text = `{fd=${fdNum}, revents=`.length + pollFlagsLen(c, revents);
    if (used + text + 1 >= POLL_OUTSTR - POLL_OUTSTR_SLACK) {
      items.push(tok('...'));
      used += 3;
      break;
    }
    used += text + 1;
    items.push(struct([field('fd', int(fdNum)), field('revents', xflags(POLL_EVENTS, BigInt(revents)))]));
  }
  if (items.length) {
    parts.push(array(items));
    used += 1;
  }
  if (pts) {
    const left = fetch(c, pts, 16, (b) => timespecV(b), true);
    const leftLen = left.k === 'struct' ? `{tv_sec=${rd0(left, 0)}, tv_nsec=${rd0(left, 1)}}`.length : 18;
    if (used + 8 + leftLen < POLL_OUTSTR) parts.push(tok(parts.length ? ', left ' : 'left '), left);
    else parts.push(tok(', ...'));
  }
  return parts.length ? join('', ...parts) : undefined;
}

const pollEntry = (c: Ctx): Value[] => [
  printArray(c, c.args[0]!, BigInt.asUintN(32, c.args[1]!), 8, pollfdV),
  uint(BigInt.asUintN(32, c.args[1]!)),
];

/** One fd_set of select: `[0 1 5]`, NULL, or the address. */
function fdsetAt(c: Ctx, a: bigint, nfds: number, fdsize: number): Value {
  if (!c.opt.verbose || fdsize <= 0) return addr(a);
  return fetch(c, a, fdsize, (b) => {
    const fds: Value[] = [];
    for (let j = 0; j < nfds; j++) if ((b[j >> 3]! >> (j & 7)) & 1) fds.push({ k: 'fd', fd: j });
    return bitset(fds);
  });
}

function selectNfds(c: Ctx): { nfds: number; fdsize: number } {
  let nfds = Number(BigInt.asIntN(32, c.args[0]!));
  if (nfds < 0) nfds = 0;
  if (nfds > 1024 * 1024) nfds = 1024 * 1024;
  return { nfds, fdsize: (Math.floor((nfds + 7) / 8) + 7) & -8 };
}

function selectEntry(c: Ctx, ts: boolean): Value[] {
  const { nfds, fdsize } = selectNfds(c);
  return [
    sint(c.args[0]!),
    fdsetAt(c, c.args[1]!, nfds, fdsize), fdsetAt(c, c.args[2]!, nfds, fdsize), fdsetAt(c, c.args[3]!, nfds, fdsize),
    ts ? timespecAt(c, c.args[4]!) : timevalAt(c, c.args[4]!),
  ];
}

const SELECT_OUTSTR = 1024;

/** select's result text: `in [0 1], out [2], left {tv_sec=0, tv_usec=5}`, or `Timeout`. */
function selectAux(c: Ctx, ts: boolean): Value | undefined {
  if (c.err) return undefined;
  let ready = Number(c.rval);
  if (ready === 0) return tok('Timeout');
  const { nfds, fdsize } = selectNfds(c);
  let s = '';
  let sep = '';
  for (let i = 0; i < 3 && ready > 0; i++) {
    const a = c.args[i + 1]!;
    const b = a && fdsize > 0 ? c.mem.read(a, fdsize) : null;
    if (!b) continue;
    let first = true;
    for (let j = 0; j < nfds; j++) {
      if (!((b[j >> 3]! >> (j & 7)) & 1)) continue;
      // strace's 1024-byte buffer: fds that would come near its end are left out
      if (s.length < SELECT_OUTSTR - (', except ['.length + 1 + 12 + 2)) {
        if (first) {
          s += `${sep}${['in', 'out', 'except'][i]} [${j}`;
          first = false;
          sep = ', ';
        } else s += ` ${j}`;
      }
      if (--ready === 0) break;
    }
    if (s) s += ']';
  }
  const parts: Value[] = [tok(s)];
  if (c.args[4]) {
    const t = c.args[4]!;
    const v = !c.opt.verbose ? addr(t) : (() => {
      const b = c.mem.read(t, 16);
      return b ? (ts ? timespecV(b) : timevalV(b)) : addr(t);
    })();
    const len = v.k === 'struct' ? `{tv_sec=${rd0(v, 0)}, tv_${ts ? 'nsec' : 'usec'}=${rd0(v, 1)}}`.length : 2 + t.toString(16).length;
    if (s.length + 'left '.length + 1 + sep.length + len < SELECT_OUTSTR) parts.push(tok(`${sep}left `), v);
  }
  // the text alone stays a bare token, so that an empty one still prints as `()`
  return parts.length === 1 ? parts[0] : join('', ...parts);
}

const epollEventV = (b: Uint8Array): Value => struct([
  field('events', xflags(EPOLL_EVENTS, BigInt(rd.u32(b, 0)), 'EPOLL???')),
  field('data', struct([field('u32', uint(rd.u32(b, 4))), field('u64', uint(rd.u64(b, 4)))])),
]);

/** epoll_wait's events when the call failed print as the address (tfetch_mem refuses). */
const epollEvents = (c: Ctx): Value => (c.err ? addr(c.args[1]!) : printArray(c, c.args[1]!, c.rval, 12, epollEventV, { exiting: true }));

const pollDecoders: Record<string, SyscallDecoder> = {
  poll_time64: withFacts({
    entry: (c) => [...pollEntry(c), sint(c.args[2]!)],
    ret: (c) => withAux('d', pollAux(c, 0n)),
  }, { paths: 'pollfds' }),
  ppoll_time64: withFacts({
    entry: (c) => [...pollEntry(c), timespecAt(c, c.args[2]!), sigsetAt(c, c.args[3]!, c.args[4]!), ulong(c.args[4]!)],
    ret: (c) => withAux('d', pollAux(c, c.args[2]!)),
  }, { paths: 'pollfds' }),
  select: withFacts({ entry: (c) => selectEntry(c, false), ret: (c) => withAux('d', selectAux(c, false)) }, { paths: 'fdsets' }),
  pselect6_time64: withFacts({
    entry: (c) => [...selectEntry(c, true), fetch(c, c.args[5]!, 16, (b) => struct([
      field('sigmask', sigsetAt(c, rd.u64(b, 0), rd.u64(b, 8))),
      field('sigsetsize', uint(rd.u64(b, 8))),
    ]))],
    ret: (c) => withAux('d', selectAux(c, true)),
  }, { paths: 'fdsets' }),
  epoll_create: withFacts(sig([A.int], 'fd'), { paths: [] }),
  epoll_create1: withFacts(sig([(c, i) => xflags32(EPOLL_CREATE_FLAGS, c.args[i]!, 'EPOLL_???')], 'fd'), { paths: [] }),
  epoll_ctl: withFacts(sig([A.fd, A.sym(EPOLL_CTL_OPS, 'x', 'EPOLL_CTL_???'), A.fd, (c, i) =>
    BigInt.asUintN(32, c.args[1]!) === 2n ? addr(c.args[i]!) : fetch(c, c.args[i]!, 12, epollEventV)]), { paths: ['-', '-', 'fd'] }),
  epoll_wait: {
    entry: (c) => [fd(c.args[0]!)],
    exit: (c) => [epollEvents(c), sint(c.args[2]!), sint(c.args[3]!)],
  },
  epoll_pwait: {
    entry: (c) => [fd(c.args[0]!)],
    exit: (c) => [epollEvents(c), sint(c.args[2]!), sint(c.args[3]!), sigsetAt(c, c.args[4]!, c.args[5]!, true), ulong(c.args[5]!)],
  },
  epoll_pwait2: {
    entry: (c) => [fd(c.args[0]!)],
    exit: (c) => [epollEvents(c), sint(c.args[2]!), timespecAt(c, c.args[3]!, true), sigsetAt(c, c.args[4]!, c.args[5]!, true), ulong(c.args[5]!)],
  },
  eventfd: withFacts(sig([A.uint], 'fd'), { paths: [] }),
  eventfd2: withFacts(sig([A.uint, (c, i) => xflags32(EFD_FLAGS, c.args[i]!, 'EFD_???')], 'fd'), { paths: [] }),
};

export const decoders: Record<string, SyscallDecoder> = {
  ...timeDecoders,
  ...resourceDecoders,
  ...schedDecoders,
  ...pollDecoders,
  futex_time64: { entry: futexEntry },
  // the rest print their arguments raw (strace's printargs): sched_yield, set_tid_address, rseq, …
};
