/**
 * A syscall event back as an strace-style line (`openat(AT_FDCWD, "x", O_RDONLY) = 3`), rebuilt
 * from its --json values: close to strace's text, for quoting the calls behind an effect. The
 * exact strace text is the strace renderer's job, from the tracer's own values.
 */
import type { JsonValue, SyscallJson } from '../api/events.js';

/** C-style quoting of a string's characters, as strace quotes bytes. */
function quote(s: string): string {
  let o = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') o += '\\' + ch;
    else if (ch === '\n') o += '\\n';
    else if (ch === '\t') o += '\\t';
    else if (ch === '\r') o += '\\r';
    else if (c < 0x20 || c === 0x7f) o += '\\' + c.toString(8);
    else o += ch;
  }
  return o + '"';
}

const hex = (v: number | string): string => '0x' + BigInt(v).toString(16);

export function valueText(v: JsonValue): string {
  let s: string;
  switch (v.kind) {
    case 'int': s = v.format === 'x' ? hex(v.value) : v.format === 'o' ? '0' + BigInt(v.value).toString(8) : String(v.value); break;
    case 'const': s = v.name; break;
    case 'flags': s = [...v.names, ...(v.rest !== undefined ? [hex(v.rest)] : [])].join('|') || '0'; break;
    case 'string':
      s = v.text !== undefined ? quote(v.text) : '"' + (v.hex ?? '').replace(/../g, '\\x$&') + '"';
      if (v.truncated) s += '...';
      break;
    case 'pointer': s = BigInt(v.value) === 0n ? 'NULL' : hex(v.value); break;
    case 'struct': {
      const parts = [
        ...Object.entries(v.fields).map(([k, x]) => `${k}=${valueText(x)}`),
        ...(v.positional ?? []).map(valueText),
        ...(v.truncated ? ['...'] : []),
      ];
      s = '{' + parts.join(', ') + '}';
      break;
    }
    case 'array': s = '[' + [...v.items.map(valueText), ...(v.truncated ? ['...'] : [])].join(', ') + ']'; break;
    case 'sigset': s = (v.inverted ? '~' : '') + '[' + v.signals.join(' ') + ']'; break;
    case 'call': s = `${v.fn}(${v.args.map(valueText).join(', ')})`; break;
    case 'token': s = v.text; break;
    case 'join': s = v.parts.map(valueText).join(v.sep); break;
    case 'fd': s = (v.name ?? String(v.fd)) + (v.path !== undefined ? `<${v.path}>` : v.detail ? `<${v.detail}>` : ''); break;
    case 'inout': s = `[${valueText(v.in)} => ${valueText(v.out)}]`; break;
  }
  return v.note ? `${s} /* ${v.note} */` : s;
}

/** `PID name(args) = result`, with `-1 ERRNO` for a failure and `?` for a call that never returned. */
export function syscallLine(ev: SyscallJson): string {
  let ret: string;
  if (ev.ret === null) ret = '?';
  else if (ev.errno !== undefined) ret = `-1 ${ev.errno}`;
  else if (ev.retFormat === 'x') ret = hex(ev.ret);
  else ret = String(ev.ret);
  return `${ev.pid} ${ev.name}(${ev.args.map(valueText).join(', ')}) = ${ret}`;
}
