/**
 * Unit tests of the mem family's decoders (System V IPC, POSIX mqueues, NUMA, fd-returning memory
 * calls) on fake tracee memory: each expected line is one strace 6.1 printed for the same call.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { REGISTRY as decoders } from '../../src/decode/index.js';
import { FakeMemory, lineMaker } from '../helpers/decode.js';

const line = lineMaker(decoders, () => new FakeMemory());

const EINVAL = 22, ENOMEM = 12;
const BUF = 0x7ffd0000n;

/** Little-endian bytes of `size` filled from [offset, width, value] fields. */
function le(size: number, ...fields: [number, 2 | 4 | 8, bigint | number][]): Uint8Array {
  const b = new Uint8Array(size);
  const v = new DataView(b.buffer);
  for (const [off, w, x] of fields) {
    const n = BigInt(x);
    if (w === 2) v.setUint16(off, Number(BigInt.asUintN(16, n)), true);
    else if (w === 4) v.setUint32(off, Number(BigInt.asUintN(32, n)), true);
    else v.setBigUint64(off, BigInt.asUintN(64, n), true);
  }
  return b;
}
const memWith = (a: bigint, b: Uint8Array | string): FakeMemory => {
  const m = new FakeMemory();
  m.put(a, b);
  return m;
};

test('shmget flags: huge page size field, unnamed bits, bare mode', () => {
  assert.equal(line('shmget', { args: [0, 2 << 20, 0o1000 | 0o4000 | (21 << 26) | 0o600], err: ENOMEM }),
    'shmget(IPC_PRIVATE, 2097152, IPC_CREAT|SHM_HUGETLB|21<<SHM_HUGE_SHIFT|0600) = -1 ENOMEM (Cannot allocate memory)');
  assert.equal(line('shmget', { args: [0, 0, 0o1000 | 0o10000 | 0x80000 | 0o644], err: EINVAL }),
    'shmget(IPC_PRIVATE, 0, IPC_CREAT|SHM_NORESERVE|0x80000|0644) = -1 EINVAL (Invalid argument)');
  assert.equal(line('shmget', { args: [0x1234, 4096, 0], rval: 1 }), 'shmget(0x1234, 4096, 000) = 1');
});

test('msgget/semget: bits without a name run into the mode, as in strace', () => {
  assert.equal(line('msgget', { args: [0x10, 0x80000 | 0o600], err: 2 }), 'msgget(0x10, 0x800000600) = -1 ENOENT (No such file or directory)');
  assert.equal(line('semget', { args: [0x10, 1, 0x80000 | 0o1000 | 0o600] }), 'semget(0x10, 1, IPC_CREAT|0x80000|0600) = 0');
});

test('shmctl IPC_STAT prints struct shmid64_ds at exit; IPC_64 is named', () => {
  const ds = le(112, [20, 4, 0o600], [48, 8, 4096], [72, 8, 1795786158], [80, 4, 10944]);
  assert.equal(line('shmctl', { args: [0, 2, BUF], mem: memWith(BUF, ds) }),
    'shmctl(0, IPC_STAT, {shm_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, shm_segsz=4096, shm_cpid=10944, shm_lpid=0, shm_nattch=0, shm_atime=0, shm_dtime=0, shm_ctime=1795786158}) = 0');
  assert.equal(line('shmctl', { args: [0, 0x102, 0x10], err: EINVAL }), 'shmctl(0, IPC_64|IPC_STAT, 0x10) = -1 EINVAL (Invalid argument)');
  assert.equal(line('shmctl', { args: [0, 99, 0x10], err: EINVAL }), 'shmctl(0, 0x63 /* SHM_??? */, 0x10) = -1 EINVAL (Invalid argument)');
});

test('semctl: IPC_STAT struct, SETVAL argument as an address', () => {
  const ds = le(104, [0, 4, 0x4321], [20, 4, 0o640], [64, 8, 1795786158], [80, 8, 1]);
  assert.equal(line('semctl', { args: [0, 0, 2, BUF], mem: memWith(BUF, ds) }),
    'semctl(0, 0, IPC_STAT, {sem_perm={uid=0, gid=0, mode=0640, key=17185, cuid=0, cgid=0}, sem_otime=0, sem_ctime=1795786158, sem_nsems=1}) = 0');
  assert.equal(line('semctl', { args: [0, 0, 16, 5] }), 'semctl(0, 0, SETVAL, 0x5) = 0');
});

test('msgctl: IPC_SET shows the settable fields, IPC_INFO struct msginfo', () => {
  const ds = le(120, [20, 4, 0o600], [88, 8, 8192]);
  assert.equal(line('msgctl', { args: [0, 1, BUF], mem: memWith(BUF, ds) }),
    'msgctl(0, IPC_SET, {msg_perm={uid=0, gid=0, mode=0600}, msg_qbytes=8192}) = 0');
  const info = le(32, [0, 4, 512000], [4, 4, 16384], [8, 4, 8192], [12, 4, 16384], [16, 4, 32000], [20, 4, 16], [24, 4, 16384], [28, 2, 65535]);
  assert.equal(line('msgctl', { args: [0, 3, BUF], mem: memWith(BUF, info), rval: 1 }),
    'msgctl(0, IPC_INFO, {msgpool=512000, msgmap=16384, msgmax=8192, msgmnb=16384, msgmni=32000, msgssz=16, msgtql=16384, msgseg=65535}) = 1');
});

test('semop: struct sembuf array', () => {
  const ops = le(12, [0, 2, 0], [2, 2, -1], [4, 2, 0x1000], [6, 2, 1], [8, 2, 2], [10, 2, 0o4000]);
  assert.equal(line('semop', { args: [0, BUF, 2], mem: memWith(BUF, ops) }),
    'semop(0, [{sem_num=0, sem_op=-1, sem_flg=SEM_UNDO}, {sem_num=1, sem_op=2, sem_flg=IPC_NOWAIT}], 2) = 0');
});

test('msgsnd and msgrcv: msgbuf with mtype and mtext of msgsz bytes', () => {
  const text = new TextEncoder().encode('a longer message with "quotes" and more than 32 bytes\0\0\0\0\0\0');
  const m = memWith(BUF, new Uint8Array([...le(8, [0, 8, 2]), ...text]));
  assert.equal(line('msgsnd', { args: [0, BUF, 50, 0o4000], mem: m }),
    'msgsnd(0, {mtype=2, mtext="a longer message with \\"quotes\\" a"...}, 50, IPC_NOWAIT) = 0');
  assert.equal(line('msgrcv', { args: [0, BUF, 2, -5, 0o10000], mem: m, rval: 2 }),
    'msgrcv(0, {mtype=2, mtext="a "}, 2, -5, MSG_NOERROR) = 2');
});

test('POSIX mqueues: mq_open attr, mq_timedreceive priority, mq_getsetattr flags', () => {
  const m = new FakeMemory();
  m.put(BUF, 'q1\0');
  m.put(BUF + 0x100n, le(64, [8, 8, 4], [16, 8, 64]));
  assert.equal(line('mq_open', { args: [BUF, 0o302, 0o600, BUF + 0x100n], mem: m, rval: 3 }),
    'mq_open("q1", O_RDWR|O_CREAT|O_EXCL, 0600, {mq_flags=0, mq_maxmsg=4, mq_msgsize=64, mq_curmsgs=0}) = 3');
  const r = new FakeMemory();
  r.put(BUF, 'hello\0\0\0');
  r.put(BUF + 0x100n, le(4, [0, 4, 3]));
  assert.equal(line('mq_timedreceive', { args: [3, BUF, 64, BUF + 0x100n, 0], mem: r, rval: 5 }, 'mq_timedreceive_time64'),
    'mq_timedreceive(3, "hello", 64, [3], NULL) = 5');
  const a = memWith(BUF, le(64, [0, 8, 0o4000 | 0x10]));
  assert.equal(line('mq_getsetattr', { args: [3, BUF, 1], mem: a, err: EINVAL }),
    'mq_getsetattr(3, {mq_flags=O_NONBLOCK|0x10, mq_maxmsg=0, mq_msgsize=0, mq_curmsgs=0}, 0x1) = -1 EINVAL (Invalid argument)');
});

test('NUMA: mode with flags, node masks, move_pages status', () => {
  const mask = memWith(BUF, le(32, [0, 8, 1]));
  assert.equal(line('mbind', { args: [0x7f42e1be8000n, 16384, 3 | 0x8000, BUF, 65, 6], mem: mask }),
    'mbind(0x7f42e1be8000, 16384, MPOL_INTERLEAVE|MPOL_F_STATIC_NODES, [0x00000000000001], 65, MPOL_MF_MOVE|MPOL_MF_MOVE_ALL) = 0');
  assert.equal(line('mbind', { args: [0x7f42e1be8000n, 16384, 9 | 0x8000, BUF, 200, 0], mem: mask, err: EINVAL }),
    'mbind(0x7f42e1be8000, 16384, MPOL_F_STATIC_NODES|0x9, [0x00000000000001, 0000000000000000, 0000000000000000, 0000000000000000], 200, 0) = -1 EINVAL (Invalid argument)');
  const g = new FakeMemory();
  g.put(BUF, le(4));
  g.put(BUF + 0x100n, le(16));
  assert.equal(line('get_mempolicy', { args: [BUF, BUF + 0x100n, 128, 0, 0], mem: g }),
    'get_mempolicy([MPOL_DEFAULT], [0000000000000000, 0000000000000000], 128, NULL, 0) = 0');
  const p = new FakeMemory();
  p.put(BUF, le(16, [0, 8, 0x7f42e1be8000n], [8, 8, 0x7f42e1be9000n]));
  p.put(BUF + 0x100n, le(8));
  p.put(BUF + 0x200n, le(8, [4, 4, -2]));
  assert.equal(line('move_pages', { args: [0, 2, BUF, BUF + 0x100n, BUF + 0x200n, 2], mem: p }),
    'move_pages(0, 2, [0x7f42e1be8000, 0x7f42e1be9000], [0, 0], [0, -ENOENT], MPOL_MF_MOVE) = 0');
});

test('userfaultfd and memfd_secret flags', () => {
  assert.equal(line('userfaultfd', { args: [0o4000 | 0o2000000], rval: 9 }), 'userfaultfd(O_NONBLOCK|O_CLOEXEC) = 9');
  assert.equal(line('userfaultfd', { args: [0x10], err: EINVAL }), 'userfaultfd(0x10 /* UFFD_??? */) = -1 EINVAL (Invalid argument)');
  assert.equal(line('memfd_secret', { args: [0o2000000], rval: 8 }), 'memfd_secret(O_CLOEXEC) = 8');
});
