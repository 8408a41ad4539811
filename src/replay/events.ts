/**
 * A recorded `--json` event back into the model's Event and Value, the inverse of
 * src/render/json.ts, so that the renderers print a recording as they print a live trace.
 * What JSON does not carry stays unknown: -X raw details of constants, -e read=/write= dumps,
 * system CPU times (-c counts wall-clock time then).
 */
import type { Field, Value } from '../decode/value.js';
import type { Event, Ret, StackFrame } from '../model.js';
import type { JsonInt, JsonValue, StackFrameJson, SyscallJson, TraceEvent } from '../api/events.js';
import type { RetFmt } from '../decode/types.js';
import { errnoByName } from '../decode/xlat/errno.js';
import { signalByName } from '../decode/xlat/signals.js';
import { formatRet, formatValue } from '../render/strace.js';

/** A recording that does not say what sysray wrote: the message names what is wrong. */
export class RecordError extends Error {}

const big = (v: JsonInt | undefined, what: string): bigint => {
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
  throw new RecordError(`${what} is not an integer`);
};

const latin1 = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));
/** A path as --json wrote it: UTF-8 text when its bytes were UTF-8, else one character per byte. */
function pathBytes(s: string): Uint8Array {
  const raw = Buffer.from(s, 'latin1');
  if (/^[\x00-\xff]*$/.test(s) && !Buffer.from(raw.toString('utf8'), 'utf8').equals(raw)) return Uint8Array.from(raw);
  return new TextEncoder().encode(s);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = <T>(v: unknown, what: string): T[] => {
  if (!Array.isArray(v)) throw new RecordError(`${what} is not an array`);
  return v as T[];
};
const str = (v: unknown, what: string): string => {
  if (typeof v !== 'string') throw new RecordError(`${what} is not a string`);
  return v;
};

/** One JSON value as the Value it was written from. */
export function valueFromJson(j: JsonValue): Value {
  if (!isObj(j)) throw new RecordError('a value is not an object');
  const v = plain(j);
  return j.note !== undefined ? { k: 'note', v, text: str(j.note, 'note') } : v;
}

function plain(j: JsonValue): Value {
  switch (j.kind) {
    case 'int': {
      const fmt = j.format;
      return {
        k: 'int', v: big(j.value, 'int value'), ...(fmt ? { fmt } : {}), ...(j.comm !== undefined ? { comm: latin1(j.comm) } : {}),
        ...(j.nsPid !== undefined ? { nsPid: j.nsPid } : {}),
      };
    }
    case 'const': return { k: 'sym', name: str(j.name, 'const name'), v: big(j.value, 'const value') };
    case 'flags':
      return { k: 'flags', names: arr<string>(j.names, 'flags names'), rest: j.rest !== undefined ? big(j.rest, 'flags rest') : 0n, v: big(j.value, 'flags value') };
    case 'string': {
      const b = j.text !== undefined ? new TextEncoder().encode(j.text) : Uint8Array.from(Buffer.from(str(j.hex, 'string hex'), 'hex'));
      return { k: 'str', b, ...(j.truncated ? { trunc: true } : {}), ...(j.hexOnly ? { hex: true } : {}) };
    }
    case 'pointer': return { k: 'ptr', v: big(j.value, 'pointer value'), ...(j.unreadable ? { bad: true } : {}) };
    case 'struct': {
      if (!isObj(j.fields)) throw new RecordError('struct fields is not an object');
      const named: Field[] = Object.entries(j.fields).map(([n, v]) => ({ n, v: valueFromJson(v) }));
      const fields: Field[] = [];
      const pos = j.positional ? arr<JsonValue>(j.positional, 'struct positional') : [];
      const at = j.positionalAt ?? pos.map((_, i) => named.length + i);
      let p = 0, n = 0;
      for (let i = 0; i < named.length + pos.length; i++) {
        if (p < pos.length && (at[p] === i || n >= named.length)) fields.push({ v: valueFromJson(pos[p++]!) });
        else fields.push(named[n++]!);
      }
      return { k: 'struct', fields, ...(j.truncated ? { more: true } : {}) };
    }
    case 'array': return { k: 'array', items: arr<JsonValue>(j.items, 'array items').map(valueFromJson), ...(j.truncated ? { more: true } : {}) };
    case 'sigset': return { k: 'sigset', names: arr<string>(j.signals, 'sigset signals'), ...(j.inverted ? { inverted: true } : {}) };
    case 'call': return { k: 'call', fn: str(j.fn, 'call fn'), args: arr<JsonValue>(j.args, 'call args').map(valueFromJson) };
    case 'token': return { k: 'tok', text: str(j.text, 'token text') };
    case 'join': return { k: 'join', sep: str(j.sep, 'join sep'), parts: arr<JsonValue>(j.parts, 'join parts').map(valueFromJson) };
    case 'fd': {
      if (typeof j.fd !== 'number') throw new RecordError('fd is not a number');
      return {
        k: 'fd', fd: j.fd, ...(j.name !== undefined ? { label: j.name } : {}),
        ...(j.path !== undefined ? { path: latin1(j.path) } : {}),
        ...(j.deleted ? { deleted: true } : {}), ...(j.device !== undefined ? { dev: j.device } : {}),
        // the detail was written as one string, its unix socket path included
        ...(j.detail !== undefined ? { detail: { text: j.detail, ...(j.comm !== undefined ? { comm: latin1(j.comm) } : {}) } } : {}),
      };
    }
    case 'inout': return { k: 'inout', in: valueFromJson(j.in), out: valueFromJson(j.out) };
    default: throw new RecordError(`unknown value kind ${JSON.stringify((j as { kind: unknown }).kind)}`);
  }
}

const RET_FMTS = new Set(['x', 'o', 'u', 'fd', 'none']);

/** A signal's number from its name (`SIGCHLD`, `SIGRT_3`), 0 when the name is unknown. */
const signo = (name: string): number => signalByName(name) ?? 0;

/** A recorded syscall's result as the model's Ret; undefined for a call that never returned. */
export function retFromJson(j: SyscallJson): Ret | undefined {
  if (j.ret === null || j.ret === undefined) return undefined;
  const fmt: RetFmt = j.retFormat && RET_FMTS.has(j.retFormat) ? j.retFormat : 'd';
  const errno = j.errno === undefined ? 0 : typeof j.errno === 'number' ? j.errno : errnoByName(j.errno) ?? 0;
  return {
    rval: big(j.ret, 'ret'), errno, fmt,
    ...(j.retDetail ? { aux: valueFromJson(j.retDetail) } : {}),
    ...(j.retPath !== undefined ? { path: latin1(j.retPath) } : {}),
    ...(j.retFd ? { fd: valueFromJson(j.retFd) } : {}),
    ...(j.retComm !== undefined ? { comm: latin1(j.retComm) } : {}),
    ...(j.retNsPid !== undefined ? { nsPid: j.retNsPid } : {}),
    ...(j.injected ? { injected: true } : {}),
    ...(j.poked ? { poked: true } : {}),
    ...(j.delayed ? { delayed: true } : {}),
  };
}

/**
 * A recorded syscall as the strace renderer prints it, with the pid in front (`PID name(args) =
 * result`): how the effects model and sysray/test quote the calls behind what they report.
 */
export const syscallLine = (ev: SyscallJson): string =>
  `${ev.pid} ${ev.name}(${ev.args.map((a) => formatValue(valueFromJson(a))).join(', ')}) ${formatRet(retFromJson(ev))}`;

/** -k: a recorded stack (StackFrameJson[]) as the model's frames. */
function stackFromJson(v: unknown): StackFrame[] {
  return arr<StackFrameJson>(v, 'stack').map((f) => {
    if (!isObj(f as unknown)) throw new RecordError('a stack frame is not an object');
    return {
      ...(f.file !== undefined ? { file: str(f.file, 'file') } : {}), ...(f.symbol !== undefined ? { symbol: str(f.symbol, 'symbol') } : {}),
      ...(f.offset !== undefined ? { offset: big(f.offset, 'offset') } : {}), ...(f.pc !== undefined ? { pc: big(f.pc, 'pc') } : {}),
      ...(f.error !== undefined ? { error: str(f.error, 'error') } : {}),
    };
  });
}

/** One recorded event as the model's Event. Throws RecordError when it is not one sysray writes. */
export function eventFromJson(j: TraceEvent): Event {
  if (!isObj(j)) throw new RecordError('not a JSON object');
  if (typeof j.pid !== 'number') throw new RecordError('no pid');
  const time = big(j.time, 'time');
  const where = j.comm !== undefined ? { comm: latin1(j.comm) } : {};
  switch (j.type) {
    case 'syscall': {
      if (typeof j.nr !== 'number') throw new RecordError('no syscall number');
      const args = arr<JsonValue>(j.args, 'args').map(valueFromJson);
      const ret = retFromJson(j);
      const entryArgs = typeof j.entryArgs === 'number' ? Math.min(j.entryArgs, args.length) : args.length;
      return {
        type: 'syscall', pid: j.pid, nr: j.nr, name: str(j.name, 'name'), args, entryArgs,
        ...(ret ? { ret } : {}), time, duration: big(j.durationNs, 'durationNs'), scno: j.nr,
        ...(!ret && j.entryArgs !== undefined && j.unavailable !== true ? { unfinished: true } : {}),
        ...(!ret && j.unavailable === true ? { unavailable: true } : {}),
        ...(!ret && j.died === true ? { died: true } : {}),
        ...(j.ip !== undefined ? { ip: big(j.ip, 'ip') } : {}), ...where,
        ...(j.stack !== undefined ? { stack: stackFromJson(j.stack) } : {}),
      };
    }
    case 'signal':
      return {
        type: 'signal', pid: j.pid, sig: signo(j.signal), name: str(j.signal, 'signal'), ...(j.siginfo ? { info: valueFromJson(j.siginfo) } : {}), time, ...where,
        ...(j.stack !== undefined ? { stack: stackFromJson(j.stack) } : {}),
      };
    case 'stopped': return { type: 'stopped', pid: j.pid, sig: signo(j.signal), name: str(j.signal, 'signal'), time, ...where };
    case 'exit':
      if (typeof j.code !== 'number') throw new RecordError('no exit code');
      return { type: 'exit', pid: j.pid, code: j.code, time, ...where };
    case 'killed': return { type: 'killed', pid: j.pid, sig: signo(j.signal), name: str(j.signal, 'signal'), core: j.coreDumped === true, time, ...where };
    case 'message': return { type: 'message', pid: j.pid, text: str(j.text, 'text'), time };
    case 'personality': return { type: 'personality', pid: j.pid, mode: str(j.mode, 'mode'), time };
    case 'attach': return { type: 'attach', pid: j.pid, how: j.how, time, ...(j.cwd !== undefined ? { cwd: pathBytes(str(j.cwd, 'cwd')) } : {}) };
    case 'detach': return { type: 'detach', pid: j.pid, time };
    case 'superseded':
      if (typeof j.oldPid !== 'number') throw new RecordError('no oldPid');
      return { type: 'superseded', pid: j.pid, oldPid: j.oldPid, time };
    default: throw new RecordError(`unknown event type ${JSON.stringify((j as { type: unknown }).type)}`);
  }
}
