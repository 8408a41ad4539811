/**
 * `sysray --syscalls[=SET]` and `sysray --describe=NAME|NUMBER`: the syscall reference on the
 * terminal. The example line of --describe is made by sysray's own decoder and strace renderer,
 * from raw arguments and fake tracee memory, so it is what sysray prints for those values.
 */
import type { ArchTable, SyscallClass, SyscallRow } from '../arch/index.js';
import { decoderFor } from '../decode/index.js';
import type { Ctx, Memory } from '../decode/types.js';
import { errnoByName } from '../decode/xlat/errno.js';
import { FilterError, SyscallSet, SYSCALL_CLASSES, qualifySyscalls } from '../filter/expr.js';
import type { SyscallEvent } from '../model.js';
import { StraceText } from '../render/strace.js';
import { allReferences, referenceOf, type ExampleArg, type ExampleMem, type RefArg, type SyscallRef } from './reference.js';

/** A bad SET or name, said as strace says it for -e trace= (`invalid system call 'foo'`). */
export class ReferenceError extends Error {}

/** A class as -e trace= spells it (`%network`, `%%stat`); the longest spelling of that class wins. */
function className(c: SyscallClass): string | undefined {
  let best: string | undefined;
  for (const [k, v] of Object.entries(SYSCALL_CLASSES)) if (v === c && k.startsWith('%') && (!best || k.length > best.length)) best = k;
  return best;
}

/** The row's classes as -e trace= names them (the internal seccomp_default class is not one). */
export function classNames(row: SyscallRow): string[] {
  return row.classes.flatMap((c) => className(c) ?? []);
}

/** The rows `--syscalls=SET` lists: those `-e trace=SET` traces; every row without a SET. */
export function selectRows(table: ArchTable, set: string | undefined): SyscallRow[] {
  const rows = table.rows.filter((r): r is SyscallRow => r !== undefined);
  if (set === undefined) return rows;
  const s = new SyscallSet();
  try {
    qualifySyscalls(set, s, table);
  } catch (e) {
    if (e instanceof FilterError) throw new ReferenceError(e.message);
    throw e;
  }
  return rows.filter((r) => s.has(r.nr));
}

/** The table of --syscalls: number, name, classes, signature, then the one line under it. */
export function syscallsTable(table: ArchTable, set: string | undefined): string {
  const rows = selectRows(table, set);
  const nameW = Math.max(4, ...rows.map((r) => r.name.length));
  const clsW = Math.max(7, ...rows.map((r) => classNames(r).join(' ').length));
  const indent = ' '.repeat(4 + 1 + nameW + 1 + clsW + 1);
  let out = `${'NR'.padStart(4)} ${'NAME'.padEnd(nameW)} ${'CLASSES'.padEnd(clsW)} SIGNATURE\n`;
  for (const r of rows) {
    const ref = referenceOf(r.name);
    out += `${String(r.nr).padStart(4)} ${r.name.padEnd(nameW)} ${classNames(r).join(' ').padEnd(clsW)} ${ref ? ref.signature : '-'}\n`;
    if (ref) out += `${indent}${ref.summary}\n`;
  }
  return out;
}

/** The table row that NAME or NUMBER (decimal) names. */
export function rowOf(table: ArchTable, what: string): SyscallRow {
  const row = /^\d+$/.test(what) ? table.rows[Number(what)] : table.byName.get(what);
  if (!row) throw new ReferenceError(`invalid system call '${what}'`);
  return row;
}

/** The whole entry of one syscall, as --describe prints it. */
export function describe(table: ArchTable, what: string): string {
  const row = rowOf(table, what);
  const ref = referenceOf(row.name);
  const lines: string[] = [];
  const field = (label: string, text: string): void => void lines.push(`${label.padEnd(12)}${text}`);
  lines.push(ref ? `${row.name}: ${ref.summary}` : row.name, '');
  if (ref) lines.push(`    ${ref.signature}`, '');
  const nums = ref ? Object.entries(ref.numbers).map(([a, n]) => `${n} on ${a}`) : [`${row.nr} on ${table.name}`];
  field('number', nums.join(', '));
  const cls = classNames(row);
  field('classes', cls.length ? cls.join(' ') : '(none)');
  if (ref) {
    field('returns', ref.returns);
    const errs = Object.entries(ref.errors ?? {});
    const w = Math.max(0, ...errs.map(([e]) => e.length));
    errs.forEach(([e, when], i) => field(i ? '' : 'errors', `${e.padEnd(w)}  ${when}`));
    if (ref.see?.length) field('see also', ref.see.join(', '));
    if (ref.via?.length) field('reached by', ref.via.join(', '));
    const ex = exampleLine(table, row, ref);
    if (ex !== undefined) field('example', ex);
  }
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// The example line

/** Where the fake memory starts: an address like a stack's. */
const BASE = 0x7ffd5e4a1000n;

/** Tracee memory made of a few buffers, for a decoder to read as it reads a real tracee's. */
class FakeMemory implements Memory {
  private bufs: { at: bigint; b: Uint8Array }[] = [];
  private next = BASE;
  place(b: Uint8Array): bigint {
    const at = this.next;
    this.bufs.push({ at, b });
    this.next += (BigInt(b.length) + 0x10n + 0xfn) & ~0xfn;
    return at;
  }
  private find(addr: bigint): { b: Uint8Array; off: number } | undefined {
    for (const { at, b } of this.bufs) if (addr >= at && addr < at + BigInt(b.length)) return { b, off: Number(addr - at) };
    return undefined;
  }
  read(addr: bigint, len: number): Uint8Array | null {
    const f = this.find(addr);
    if (!f || f.off + len > f.b.length) return len === 0 && f ? new Uint8Array(0) : null;
    return f.b.subarray(f.off, f.off + len);
  }
  readString(addr: bigint, max: number): { b: Uint8Array; nul: boolean } | null {
    const f = this.find(addr);
    if (!f) return null;
    const rest = f.b.subarray(f.off, f.off + max);
    const z = rest.indexOf(0);
    return z < 0 ? { b: rest, nul: false } : { b: rest.subarray(0, z), nul: true };
  }
}

/** The bytes of an ExampleMem (pointers inside it placed in `mem` first). */
function bytesOf(m: ExampleMem, mem: FakeMemory): Uint8Array {
  const words = (xs: readonly (number | bigint)[], size: number): Uint8Array => {
    const b = Buffer.alloc(xs.length * size);
    xs.forEach((x, i) => {
      const v = BigInt.asUintN(size * 8, BigInt(x));
      for (let k = 0; k < size; k++) b[i * size + k] = Number((v >> BigInt(8 * k)) & 0xffn);
    });
    return b;
  };
  if ('u8' in m) return words(m.u8, 1);
  if ('u16' in m) return words(m.u16, 2);
  if ('u32' in m) return words(m.u32, 4);
  if ('i32' in m) return words(m.i32, 4);
  if ('u64' in m) return words(m.u64, 8);
  if ('buf' in m) return Buffer.from(m.buf, 'latin1');
  if ('zero' in m) return new Uint8Array(m.zero);
  if ('cat' in m) return Buffer.concat(m.cat.map((p) => bytesOf(p, mem)));
  if ('iov' in m) return words(m.iov.flatMap((t) => [argValue({ buf: t }, mem), t.length]), 8);
  return words(m.ptrs.map((p) => argValue(p, mem)), 8);
}

/** An example argument as the register value the decoder sees. */
function argValue(a: ExampleArg, mem: FakeMemory): bigint {
  if (a === null) return 0n;
  if (typeof a === 'number' || typeof a === 'bigint') return BigInt.asUintN(64, BigInt(a));
  if (typeof a === 'string') return mem.place(Buffer.from(`${a}\0`, 'latin1'));
  return mem.place(bytesOf(a, mem));
}

const PATHS: Record<string, string> = {
  pathname: '/tmp/notes.txt', path: '/tmp/notes.txt', filename: '/tmp/notes.txt', oldpath: '/tmp/old.txt',
  newpath: '/tmp/new.txt', target: '/tmp/notes.txt', linkpath: '/tmp/link', dir_name: '/tmp/mnt',
  source: '/dev/sdb1', library: '/usr/lib/libexample.so',
};

/** A plausible raw value for an argument the row gives no example for, from its type and name. */
function defaultArg(a: RefArg): ExampleArg {
  const pointer = a.type.includes('*') || a.type.includes('[');
  if (pointer && /\bchar\b/.test(a.type) && a.type.includes('const')) return PATHS[a.name] ?? 'example';
  if (pointer) return { zero: 256 };
  if (/fd$/.test(a.name)) return 3;
  if (/^(count|vlen|nr|nr_segs|[lr]?iovcnt|maxevents|nfds)$/.test(a.name)) return 1;
  if (/^(len|size|length|bufsiz|nbytes)$/.test(a.name)) return 16;
  return 0;
}

/**
 * The line sysray prints for this syscall called with the row's example arguments (or ones made
 * from the signature's types), decoded by the syscall's decoder as in a trace. Undefined should
 * the decoder fail on them.
 */
export function exampleLine(table: ArchTable, row: SyscallRow, ref: SyscallRef): string | undefined {
  const mem = new FakeMemory();
  const raw = ref.ex ? ref.ex.args : ref.args.map(defaultArg);
  const args = raw.map((a) => argValue(a, mem));
  while (args.length < 6) args.push(0n);
  // a call that makes a file descriptor returns one, the first free after stdin, stdout, stderr,
  // and one the kernel never implements fails as it always does
  const want = ref.ex?.ret !== undefined ? ref.ex.ret : /^always fails with (E[A-Z0-9]+)/.exec(ref.returns)?.[1] ?? (/file descriptor/.test(ref.returns) ? 3 : 0);
  const err = typeof want === 'string' ? errnoByName(want) : 0;
  if (err === undefined) throw new Error(`reference: ${row.name}: unknown errno ${String(want)}`);
  const rval = want === null ? 0n : typeof want === 'string' ? BigInt(-err) : BigInt(want);
  const pid = 4242;
  const c: Ctx = { pid, nr: row.nr, name: row.name, args, mem, opt: { strsize: 32, abbrev: true, verbose: true }, rval: 0n, err: 0, state: {} };
  try {
    const dec = decoderFor(table, row.nr);
    const entry = dec.entry(c);
    const needsExit = !!dec.exit && (dec.needsExit === undefined || dec.needsExit(c));
    c.rval = rval;
    c.err = err;
    const rest = needsExit ? dec.exit!(c) : [];
    const ri = dec.ret ? dec.ret(c) : { fmt: 'd' as const };
    const text = new StraceText();
    const ev: SyscallEvent = {
      type: 'syscall', pid, nr: row.nr, name: row.name, args: entry.concat(rest), entryArgs: entry.length,
      time: 0n, duration: 0n,
    };
    if (want !== null) ev.ret = { rval, errno: ri.errno ?? err, fmt: ri.fmt, ...(ri.aux ? { aux: ri.aux } : {}) };
    const line = text.render({ type: 'syscall_entry', pid, nr: row.nr, name: row.name, args: entry, complete: !needsExit, time: 0n }) + text.render(ev);
    return line.replace(/\n$/, '');
  } catch {
    return undefined;
  }
}

/** Every row's entry, for the tests: the names the tables hold that the reference lacks. */
export function missingReferences(table: ArchTable): string[] {
  const have = new Set(allReferences().map((r) => r.name));
  return table.rows.flatMap((r) => (r && !have.has(r.name) ? [r.name] : []));
}
