/**
 * Wrappers from declarative rows: `row('fsync', ['fd'])` is the whole of `fsync(fd)`. A row names
 * the syscall and the kind of each argument; the kinds check the arguments (before any syscall)
 * and turn them into registers, and the wrapper's TypeScript parameters follow from the kinds. A
 * number in the row is a fixed argument the caller does not pass (`AT_FDCWD` for `chmod`).
 */
import {
  addressOf, bytesArg, dataArg, describe, dirfdArg, fdArg, flagsArg, i32Arg, int, offArg, pathArg, sys, u32Arg,
  type PathLike, type SyscallArg,
} from './core.js';

/**
 * fd, dirfd (fd or AT_FDCWD), int, uint, flags (int or unsigned), off (64-bit, number or bigint),
 * addr (a raw address, bigint), path, npath (path or null), buf (bytes: pointer and length, two
 * registers), data (string or bytes: pointer and length), ptr (bytes: pointer only), nptr (bytes or
 * null: pointer only).
 */
export type Kind = 'fd' | 'dirfd' | 'int' | 'uint' | 'flags' | 'off' | 'addr' | 'path' | 'npath' | 'buf' | 'data' | 'ptr' | 'nptr';

type TsOf<K> = K extends 'path' ? PathLike
  : K extends 'npath' ? PathLike | null
  : K extends 'buf' | 'ptr' ? Uint8Array
  : K extends 'data' ? Uint8Array | string
  : K extends 'nptr' ? Uint8Array | null
  : K extends 'off' | 'addr' ? number | bigint
  : number;

/** The parameters of a row: its kinds' types, fixed (number) entries dropped. */
export type Params<A> = A extends readonly [infer H, ...infer T] ? (H extends number ? Params<T> : [TsOf<H>, ...Params<T>]) : [];

type Spec = Kind | number;

interface Built {
  regs: SyscallArg[];
  keep: unknown[];
  path?: string;
  dest?: string;
}

function encode(specs: readonly Spec[], given: readonly unknown[], nreq: number): Built {
  const out: Built = { regs: [], keep: [] };
  let i = 0;
  for (const spec of specs) {
    if (typeof spec === 'number') {
      out.regs.push(spec);
      continue;
    }
    const name = `arg${i + 1}`;
    let v = given[i];
    if (v === undefined && i >= nreq) v = spec === 'npath' || spec === 'nptr' ? null : 0;
    i++;
    switch (spec) {
      case 'fd': out.regs.push(fdArg(v, name)); break;
      case 'dirfd': out.regs.push(dirfdArg(v, name)); break;
      case 'int': out.regs.push(i32Arg(v, name)); break;
      case 'uint': out.regs.push(u32Arg(v, name)); break;
      case 'flags': out.regs.push(flagsArg(v, name)); break;
      case 'off': out.regs.push(offArg(v, name)); break;
      case 'addr': {
        if (typeof v !== 'bigint' && !(typeof v === 'number' && Number.isSafeInteger(v) && v >= 0)) {
          throw new TypeError(`The "${name}" argument must be an address (bigint). Received ${describe(v)}`);
        }
        out.regs.push(BigInt(v));
        break;
      }
      case 'path':
      case 'npath': {
        if (v === null && spec === 'npath') {
          out.regs.push(0);
          break;
        }
        const p = pathArg(v, name);
        out.keep.push(p);
        out.regs.push(addressOf(p.c));
        if (out.path === undefined) out.path = p.text;
        else out.dest ??= p.text;
        break;
      }
      case 'buf':
      case 'data': {
        const b = spec === 'buf' ? bytesArg(v, name) : dataArg(v, name);
        out.keep.push(b);
        out.regs.push(addressOf(b), b.byteLength);
        break;
      }
      case 'ptr':
      case 'nptr': {
        if (v === null && spec === 'nptr') {
          out.regs.push(0);
          break;
        }
        const b = bytesArg(v, name);
        out.keep.push(b);
        out.regs.push(addressOf(b));
        break;
      }
    }
  }
  return out;
}

/** The arguments a row would make, without making the syscall (the async forms use this). */
export function rowArgs(specs: readonly Spec[], given: readonly unknown[], optional = 0): Built {
  const nparams = specs.filter((s) => typeof s !== 'number').length;
  if (given.length > nparams) throw new RangeError(`expected at most ${nparams} arguments, got ${given.length}`);
  return encode(specs, given, nparams - optional);
}

/** A wrapper returning the syscall's result. `opt` kinds are optional trailing parameters (0 / null). */
export function row<const A extends readonly Spec[], const O extends readonly Spec[] = []>(
  syscall: string, args: A, opt?: O,
): (...a: [...Params<A>, ...Partial<Params<O>>]) => number {
  const specs: readonly Spec[] = [...args, ...(opt ?? [])];
  const nopt = (opt ?? []).filter((s) => typeof s !== 'number').length;
  return (...given: unknown[]): number => {
    const b = rowArgs(specs, given, nopt);
    return sys(syscall, b.regs, b.keep, { path: b.path, dest: b.dest });
  };
}

/** A wrapper for a syscall whose result carries nothing (0 on success). */
export function rowVoid<const A extends readonly Spec[], const O extends readonly Spec[] = []>(
  syscall: string, args: A, opt?: O,
): (...a: [...Params<A>, ...Partial<Params<O>>]) => void {
  const f = row(syscall, args, opt) as (...a: unknown[]) => number;
  return (...given: unknown[]): void => {
    f(...given);
  };
}

