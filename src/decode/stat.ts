/** File metadata as strace prints it: modes, device numbers, times, open flags, struct stat and statfs. */
import { NATIVE_ABI } from '../arch/index.js';
import { addr, buf, localArray, rd, type ArgFn } from './args.js';
import type { Ctx } from './types.js';
import {
  call, field, hex, int, joinOf, joinOct, note, oct, struct, tok, uint, type Field, type Value,
} from './value.js';
import { flags, lookup, symbol } from './xlat/core.js';
import { OPEN_ACCMODE, OPEN_FLAGS, S_IFMT, S_IFMT_TYPES } from './xlat/tables.js';
import { FS_MAGIC, STATFS_FLAGS, ST_VALID } from './xlat/file.js';
import { dev, fetch, idV, sprinttime } from './printers.js';

// ---------------------------------------------------------------- shared printers

/** print_numeric_umode_t: the low 16 bits in octal (`0644`, `000`). */
export const umode = (v: bigint): Value => oct(v & 0xffffn);

/** print_symbolic_mode_t: `S_IFREG|0644`, `S_IFDIR|S_ISVTX|0777`; an unknown type prints in octal. */
export function symbolicMode(m: number): Value {
  const mode = BigInt(m >>> 0);
  const type = mode & S_IFMT;
  const ifmt = type ? lookup(S_IFMT_TYPES, type) : '';
  if (ifmt === undefined) return oct(mode);
  const parts: Value[] = [];
  if (ifmt) parts.push(tok(ifmt));
  if (mode & 0o4000n) parts.push(tok('S_ISUID'));
  if (mode & 0o2000n) parts.push(tok('S_ISGID'));
  if (mode & 0o1000n) parts.push(tok('S_ISVTX'));
  parts.push(oct(mode & ~(S_IFMT | 0o7000n)));
  return joinOct(mode, '|', ...parts);
}


/** A seconds value followed by its date as a comment, when strace can print one. */
export function timeNote(sec: bigint, nsec: bigint): Value {
  const t = sprinttime(sec, nsec);
  return t === undefined ? int(sec) : note(int(sec), t);
}

/** Seconds followed by their date (strace's sprinttime), when it can print one. */
export const secNote = (sec: bigint): Value => {
  const t = sprinttime(sec, 0n, 0n, 0);
  return t === undefined ? int(sec) : note(int(sec), t);
};

/** The whole flags value of open(2): `O_RDONLY|O_CLOEXEC` (access mode always named, then the rest). */
export function openModes(v: bigint): Value {
  const rest = flags(OPEN_FLAGS, v & ~3n);
  const names = [lookup(OPEN_ACCMODE, v & 3n)!, ...(rest.k === 'flags' && v & ~3n ? rest.names : [])];
  return { k: 'flags', names, rest: rest.k === 'flags' ? rest.rest : 0n, v };
}


export const idArg: ArgFn = (c, i) => idV(c.args[i]!);

// ---------------------------------------------------------------- struct stat (the arch's kernel layout)

const STAT = NATIVE_ABI.stat;
/** A field of struct stat, as the arch lays it out. */
const st = (b: Uint8Array, name: keyof typeof STAT.fields): bigint => {
  const [off, bytes] = STAT.fields[name];
  return bytes === 8 ? rd.u64(b, off) : BigInt(rd.u32(b, off));
};

/** print_struct_stat over the kernel's struct stat: abbreviated `{st_mode=…, st_size=…, ...}` by default. */
export function statStruct(c: Ctx, b: Uint8Array): Value {
  const mode = Number(st(b, 'mode'));
  const type = BigInt(mode) & S_IFMT;
  const f: Field[] = [];
  const full = !c.opt.abbrev;
  if (full) {
    f.push(field('st_dev', dev(st(b, 'dev'))), field('st_ino', uint(st(b, 'ino'))));
    f.push(field('st_mode', symbolicMode(mode)));
    f.push(field('st_nlink', uint(st(b, 'nlink'))), field('st_uid', uint(st(b, 'uid'))), field('st_gid', uint(st(b, 'gid'))));
    f.push(field('st_blksize', uint(st(b, 'blksize'))), field('st_blocks', uint(st(b, 'blocks'))));
  } else f.push(field('st_mode', symbolicMode(mode)));
  if (type === 0o020000n || type === 0o060000n) f.push(field('st_rdev', dev(st(b, 'rdev'))));
  else f.push(field('st_size', uint(st(b, 'size'))));
  if (!full) return struct(f, true);
  for (const name of ['atime', 'mtime', 'ctime'] as const) {
    const off = STAT.times[name];
    const sec = rd.s64(b, off);
    const nsec = rd.u64(b, off + 8);
    f.push(field('st_' + name, timeNote(sec, nsec)), field(`st_${name}_nsec`, uint(nsec)));
  }
  return struct(f);
}

const statAt = (c: Ctx, a: bigint): Value => fetch(c, a, STAT.size, (b) => statStruct(c, b), true);
export const statArg: ArgFn = (c, i) => statAt(c, c.args[i]!);


// ---------------------------------------------------------------- struct statfs

const STATFS_SIZE = 120;

/** print_struct_statfs over the 64-bit struct statfs. */
export function statfsStruct(c: Ctx, b: Uint8Array): Value {
  const u = (off: number): Value => uint(rd.u64(b, off));
  const f: Field[] = [
    field('f_type', symbol(FS_MAGIC, rd.u64(b, 0), 'x')),
    field('f_bsize', u(8)), field('f_blocks', u(16)), field('f_bfree', u(24)), field('f_bavail', u(32)),
    field('f_files', u(40)), field('f_ffree', u(48)),
    field('f_fsid', struct([field('val', localArray(c, [hex(rd.u32(b, 56)), hex(rd.u32(b, 60))]))])),
    field('f_namelen', u(64)), field('f_frsize', u(72)),
  ];
  const fl = rd.u64(b, 80);
  if (fl & ST_VALID) f.push(field('f_flags', flags(STATFS_FLAGS, fl, 'ST_???')));
  return struct(f);
}
export const statfsArg: ArgFn = (c, i) => fetch(c, c.args[i]!, STATFS_SIZE, (b) => statfsStruct(c, b), true);


/** A buffer the call filled with `rval` bytes (no NUL): the address when it failed. */
export const filledBuf = (c: Ctx, a: bigint): Value => (c.err ? addr(a) : buf(c, a, c.rval));

/** printpathn(addr, n): at most n bytes of a NUL-terminated string, `...` when longer. */
export function pathn(c: Ctx, a: bigint, n: number): Value {
  if (a === 0n) return addr(0n);
  const max = Math.min(Math.max(n, 0), 4095);
  const r = c.mem.readString(a, max + 1);
  if (!r) return addr(a);
  return r.nul ? { k: 'str', b: r.b } : { k: 'str', b: r.b.subarray(0, max), trunc: true };
}
