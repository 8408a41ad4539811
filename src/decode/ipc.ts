/**
 * Decoders of System V IPC (shm*, sem*, msg*) and POSIX message queues (mq_*), as strace prints
 * them (x86_64: the direct syscalls with the 64-bit structures of <linux/{shm,sem,msg}.h>).
 */
import { NATIVE_ABI } from '../arch/index.js';
import { A, addr, buf, mode, path, R, rd, sig, sint, withFacts, type ArgFn } from './args.js';
import { openModes } from './stat.js';
import { fetch, idV, numAt, pidV, printArray, sigeventAt, timespecAt, xflags32 } from './printers.js';
import type { Ctx, SyscallDecoder } from './types.js';
import { field, int, join, struct, uint, type Field, type Value } from './value.js';
import { flags as xflags, symbol } from './xlat/core.js';
import {
  IPC_64, IPC_MSG_FLAGS, IPC_PRIVATE, IPC_RESOURCE_FLAGS, MQ_ATTR_FLAGS, MSGCTL_CMDS, SEMCTL_CMDS, SEMOP_FLAGS,
  SHM_FLAGS, SHM_HUGE_MASK, SHM_HUGE_SHIFT, SHM_RESOURCE_FLAGS, SHMCTL_CMDS,
} from './xlat/mem.js';
import type { Xlat } from './xlat/core.js';

// ---------------------------------------------------------------- shared pieces

/** The key of *get: IPC_PRIVATE or hex. */
const keyArg: ArgFn = (c, i) => symbol(IPC_PRIVATE, BigInt.asUintN(32, c.args[i]!), 'x');

/** The permission bits of *get and ipc_perm.mode: `0600`, `000`. */
const permV = (v: bigint): Value => mode(v);

/**
 * semget/msgget flags: `IPC_CREAT|IPC_EXCL|0600`. As in strace, the `|` before the mode comes only
 * after a named flag, so bits without a name run into the mode (`0x80000` `0600`).
 */
function resourceFlags(v: bigint): Value {
  const hi = BigInt.asUintN(32, v) & ~0o777n;
  const perm = permV(v & 0o777n);
  if (!hi) return perm;
  const f = xflags(IPC_RESOURCE_FLAGS, hi);
  const named = f.k === 'flags' && f.names.length > 0;
  return join(named ? '|' : '', f, perm);
}

/** shmget flags: `IPC_CREAT|SHM_HUGETLB|21<<SHM_HUGE_SHIFT|0600`. */
function shmgetFlags(v: bigint): Value {
  const all = BigInt.asUintN(32, v);
  const hugeMask = SHM_HUGE_MASK << SHM_HUGE_SHIFT;
  const huge = all & hugeMask;
  const rest = all & ~0o777n & ~hugeMask;
  const parts: Value[] = [];
  if (rest) parts.push(xflags(SHM_RESOURCE_FLAGS, rest));
  if (huge) parts.push(join('<<', uint(huge >> SHM_HUGE_SHIFT), { k: 'sym', name: 'SHM_HUGE_SHIFT', v: SHM_HUGE_SHIFT }));
  parts.push(permV(all & 0o777n));
  return parts.length === 1 ? parts[0]! : join('|', ...parts);
}

/** A *ctl command: `IPC_STAT`, `IPC_64|IPC_STAT`, `0x63 /* SHM_??? *\/`. */
function ctlCmd(x: Xlat, v: bigint, dflt: string): Value {
  const cmd = BigInt.asUintN(32, v);
  const named = symbol(x, cmd & ~IPC_64, 'x', dflt);
  return cmd & IPC_64 ? join('|', { k: 'sym', name: 'IPC_64', v: IPC_64, fmt: 'x' }, named) : named;
}
/** The command without IPC_64. */
const ctlOf = (c: Ctx, i: number): number => Number(BigInt.asUintN(32, c.args[i]!) & ~IPC_64);

const IPC_RMID = 0, IPC_SET = 1, IPC_STAT = 2, IPC_INFO = 3;

/** struct ipc64_perm (48 bytes at `off`): IPC_SET shows only uid, gid and mode. */
function ipcPerm(b: Uint8Array, off: number, set: boolean): Value {
  const f: Field[] = [field('uid', idV(rd.u32(b, off + 4))), field('gid', idV(rd.u32(b, off + 8))), field('mode', permV(BigInt(rd.u32(b, off + 20))))];
  if (!set) f.push(field('key', uint(rd.u32(b, off))), field('cuid', idV(rd.u32(b, off + 12))), field('cgid', idV(rd.u32(b, off + 16))));
  return struct(f);
}

const u64f = (b: Uint8Array, off: number): Value => uint(rd.u64(b, off));
const s32f = (b: Uint8Array, off: number): Value => int(rd.s32(b, off));

/** Fields read from a buffer: [name, offset, reader]. */
type FieldSpec = readonly [string, number, (b: Uint8Array, off: number) => Value];
const fieldsOf = (b: Uint8Array, specs: readonly FieldSpec[]): Field[] => specs.map(([n, off, f]) => field(n, f(b, off)));

/**
 * The argument of a *ctl call: at entry for IPC_SET (a struct) and commands without one (the
 * address); at exit for STAT and INFO commands.
 */
interface CtlSpec {
  x: Xlat;
  dflt: string;
  /** Index of the command and of the buffer argument. */
  cmd: number;
  arg: number;
  /** The structure printed for a STAT command (set: the IPC_SET subset). */
  ds: { size: number; fn: (b: Uint8Array, set: boolean, c: Ctx) => Value };
  stat: readonly number[];
  /** INFO commands and their structures. */
  info: Readonly<Record<number, { size: number; specs: readonly FieldSpec[] }>>;
}

function ctlDecoder(s: CtlSpec): SyscallDecoder {
  const atExit = (c: Ctx): boolean => {
    const cmd = ctlOf(c, s.cmd);
    return s.stat.includes(cmd) || s.info[cmd] !== undefined;
  };
  const lead = (c: Ctx): Value[] => [
    ...Array.from({ length: s.cmd }, (_, i) => sint(c.args[i]!)),
    ctlCmd(s.x, c.args[s.cmd]!, s.dflt),
  ];
  return {
    entry: (c) => {
      const a = c.args[s.arg]!;
      if (atExit(c)) return lead(c);
      if (ctlOf(c, s.cmd) === IPC_SET) return [...lead(c), fetch(c, a, s.ds.size, (b) => s.ds.fn(b, true, c))];
      return [...lead(c), addr(a)];
    },
    needsExit: atExit,
    exit: (c) => {
      const a = c.args[s.arg]!;
      const info = s.info[ctlOf(c, s.cmd)];
      if (info) return [fetch(c, a, info.size, (b) => struct(fieldsOf(b, info.specs)), true)];
      return [fetch(c, a, s.ds.size, (b) => s.ds.fn(b, false, c), true)];
    },
  };
}

// ---------------------------------------------------------------- shm

/** struct shmid64_ds (112 bytes). */
function shmidDs(b: Uint8Array, set: boolean, c: Ctx): Value {
  const f: Field[] = [field('shm_perm', ipcPerm(b, 0, set))];
  if (!set)
    f.push(
      ...fieldsOf(b, [['shm_segsz', 48, u64f]]),
      // the creator and the last to attach or detach: processes (-Y names them)
      field('shm_cpid', pidV(c, rd.s32(b, 80))), field('shm_lpid', pidV(c, rd.s32(b, 84))),
      ...fieldsOf(b, [['shm_nattch', 88, u64f], ['shm_atime', 56, u64f], ['shm_dtime', 64, u64f], ['shm_ctime', 72, u64f]]),
    );
  return struct(f);
}

const shmctl = ctlDecoder({
  x: SHMCTL_CMDS, dflt: 'SHM_???', cmd: 1, arg: 2,
  ds: { size: 112, fn: shmidDs },
  stat: [IPC_STAT, 13, 15],
  info: {
    // struct shminfo64
    [IPC_INFO]: { size: 72, specs: [['shmmax', 0, u64f], ['shmmin', 8, u64f], ['shmmni', 16, u64f], ['shmseg', 24, u64f], ['shmall', 32, u64f]] },
    // struct shm_info (SHM_INFO)
    14: {
      size: 48,
      specs: [['used_ids', 0, s32f], ['shm_tot', 8, u64f], ['shm_rss', 16, u64f], ['shm_swp', 24, u64f], ['swap_attempts', 32, u64f], ['swap_successes', 40, u64f]],
    },
  },
});

// ---------------------------------------------------------------- sem

/** struct semid64_ds, as the arch lays it out (x86_64 pads each time, asm-generic 64-bit arches do not). */
const SEMID = NATIVE_ABI.semid;
function semidDs(b: Uint8Array, set: boolean): Value {
  const f: Field[] = [field('sem_perm', ipcPerm(b, 0, set))];
  if (!set) f.push(...fieldsOf(b, [['sem_otime', SEMID.otime, u64f], ['sem_ctime', SEMID.ctime, u64f], ['sem_nsems', SEMID.nsems, u64f]]));
  return struct(f);
}

/** struct seminfo: ten ints. */
const SEMINFO: readonly FieldSpec[] = ['semmap', 'semmni', 'semmns', 'semmnu', 'semmsl', 'semopm', 'semume', 'semusz', 'semvmx', 'semaem']
  .map((n, i) => [n, i * 4, s32f] as const);

const semctl = ctlDecoder({
  x: SEMCTL_CMDS, dflt: 'SEM_???', cmd: 2, arg: 3,
  ds: { size: SEMID.size, fn: semidDs },
  stat: [IPC_STAT, 18, 20],
  info: { [IPC_INFO]: { size: 40, specs: SEMINFO }, 19: { size: 40, specs: SEMINFO } },
});

/** An array of struct sembuf: `[{sem_num=0, sem_op=-1, sem_flg=SEM_UNDO}]`. */
const sembufs: ArgFn = (c, i) => printArray(c, c.args[i]!, BigInt.asUintN(32, c.args[i + 1]!), 6, (b) => struct([
  field('sem_num', uint(rd.u16(b, 0))),
  field('sem_op', int(new DataView(b.buffer, b.byteOffset).getInt16(2, true))),
  field('sem_flg', xflags32(SEMOP_FLAGS, BigInt(rd.u16(b, 4)), 'SEM_???')),
]));

// ---------------------------------------------------------------- msg

/** struct msqid64_ds (120 bytes); IPC_SET shows msg_perm's subset and msg_qbytes. */
function msqidDs(b: Uint8Array, set: boolean): Value {
  const f: Field[] = [field('msg_perm', ipcPerm(b, 0, set))];
  if (!set) f.push(...fieldsOf(b, [['msg_stime', 48, u64f], ['msg_rtime', 56, u64f], ['msg_ctime', 64, u64f], ['msg_qnum', 80, u64f]]));
  f.push(field('msg_qbytes', u64f(b, 88)));
  if (!set) f.push(...fieldsOf(b, [['msg_lspid', 96, s32f], ['msg_lrpid', 100, s32f]]));
  return struct(f);
}

/** struct msginfo: seven ints and an unsigned short. */
const MSGINFO: readonly FieldSpec[] = [
  ...['msgpool', 'msgmap', 'msgmax', 'msgmnb', 'msgmni', 'msgssz', 'msgtql'].map((n, i) => [n, i * 4, s32f] as const),
  ['msgseg', 28, (b, off) => uint(rd.u16(b, off))],
];

const msgctl = ctlDecoder({
  x: MSGCTL_CMDS, dflt: 'MSG_???', cmd: 1, arg: 2,
  ds: { size: 120, fn: msqidDs },
  stat: [IPC_STAT, 11, 13],
  info: { [IPC_INFO]: { size: 32, specs: MSGINFO }, 12: { size: 32, specs: MSGINFO } },
});

/** struct msgbuf: `{mtype=1, mtext="hello"}`, mtext being `count` bytes. */
const msgbuf = (c: Ctx, a: bigint, count: bigint, exiting = false): Value =>
  fetch(c, a, 16, (b) => struct([field('mtype', int(rd.s64(b, 0))), field('mtext', buf(c, a + 8n, count))]), exiting);

const msgFlags: ArgFn = (c, i) => xflags32(IPC_MSG_FLAGS, c.args[i]!, 'MSG_???');

// ---------------------------------------------------------------- POSIX message queues

/** struct mq_attr: mq_flags in hex (mq_open) or as O_ flags (mq_getsetattr). */
const mqAttr = (c: Ctx, a: bigint, named: boolean, exiting = false): Value => fetch(c, a, 64, (b) => {
  const fl = rd.u64(b, 0);
  return struct([
    field('mq_flags', named ? xflags(MQ_ATTR_FLAGS, fl, 'O_???') : int(fl, 'x')),
    field('mq_maxmsg', int(rd.s64(b, 8))),
    field('mq_msgsize', int(rd.s64(b, 16))),
    field('mq_curmsgs', int(rd.s64(b, 24))),
  ]);
}, exiting);

const O_CREAT = 0o100n;

// ---------------------------------------------------------------- decoders

export const decoders: Record<string, SyscallDecoder> = {
  shmget: sig([keyArg, A.ulong, (c, i) => shmgetFlags(c.args[i]!)]),
  shmat: withFacts(sig([A.int, A.ptr, (c, i) => xflags32(SHM_FLAGS, c.args[i]!, 'SHM_???')], R.hex), { mapsChange: true }),
  shmdt: withFacts(sig([A.ptr]), { mapsChange: true }),
  shmctl,
  semget: sig([keyArg, A.int, (c, i) => resourceFlags(c.args[i]!)]),
  semop: sig([A.int, sembufs, A.uint]),
  semtimedop_time64: sig([A.int, sembufs, A.uint, (c, i) => timespecAt(c, c.args[i]!)]),
  semctl,
  msgget: sig([keyArg, (c, i) => resourceFlags(c.args[i]!)]),
  msgsnd: sig([A.int, (c, i) => msgbuf(c, c.args[i]!, c.args[2]!), A.ulong, msgFlags]),
  msgrcv: sig([
    A.int,
    { exit: (c, i) => msgbuf(c, c.args[i]!, c.args[2]!, true) },
    { exit: A.ulong },
    { exit: A.long },
    { exit: msgFlags },
  ]),
  msgctl,
  mq_open: withFacts({
    entry: (c) => {
      const out = [path(c, c.args[0]!), openModes(BigInt.asUintN(32, c.args[1]!))];
      if (c.args[1]! & O_CREAT) out.push(mode(c.args[2]! & 0xffffn), mqAttr(c, c.args[3]!, false));
      return out;
    },
    ret: () => ({ fmt: 'fd' }),
  }, { paths: [] }),
  mq_unlink: sig([A.path]),
  mq_timedsend_time64: withFacts(sig([
    A.fd, (c, i) => buf(c, c.args[i]!, c.args[2]!), A.ulong, A.uint, (c, i) => timespecAt(c, c.args[i]!),
  ]), { paths: [], dump: 'write' }),
  mq_timedreceive_time64: withFacts(sig([
    A.fd,
    { exit: (c, i) => (c.err ? addr(c.args[i]!) : buf(c, c.args[i]!, c.rval)) },
    { exit: A.ulong },
    { exit: (c, i) => numAt(c, c.args[i]!, true, true) },
    // the kernel read the timeout at entry: strace prints it whether the call failed or not
    { exit: (c, i) => timespecAt(c, c.args[i]!) },
  ]), { paths: [], dump: 'read' }),
  mq_notify: withFacts(sig([A.fd, (c, i) => sigeventAt(c, c.args[i]!)]), { paths: [] }),
  mq_getsetattr: withFacts(sig([A.fd, (c, i) => mqAttr(c, c.args[i]!, true), { exit: (c, i) => mqAttr(c, c.args[i]!, true, true) }]), { paths: [] }),
};
