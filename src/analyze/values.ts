/** Reading the decoded values of --json events (docs/json.md) back into facts: text, numbers, names, addresses. */
import type { JsonInt, JsonValue } from '../api/events.js';

/** A JSON integer as a number (exact up to 2^53, which is all the model counts). */
export const n = (v: JsonInt | null | undefined): number => (v === null || v === undefined ? NaN : Number(v));

/** A string value's text (invalid UTF-8 comes back as latin1 so every byte keeps a character). */
export function text(v: JsonValue | undefined): string | undefined {
  if (!v) return undefined;
  if (v.kind === 'string') return v.text ?? Buffer.from(v.hex ?? '', 'hex').toString('latin1');
  return undefined;
}

/** Every name a value spells out (flags, constants, tokens, joins, nested): `O_WRONLY|O_CLOEXEC` gives both. */
export function names(v: JsonValue | undefined, out: Set<string> = new Set()): Set<string> {
  if (!v) return out;
  switch (v.kind) {
    case 'flags': for (const x of v.names) out.add(x); break;
    case 'const': out.add(v.name); break;
    case 'token': out.add(v.text); break;
    case 'join': for (const p of v.parts) names(p, out); break;
    default: break;
  }
  return out;
}

/** A flags value as strace spells it (`O_RDONLY|O_CLOEXEC`). */
export function flagText(v: JsonValue | undefined): string {
  if (!v) return '';
  if (v.kind === 'flags') {
    const parts = [...v.names];
    if (v.rest !== undefined) parts.push('0x' + BigInt(v.rest).toString(16));
    return parts.length ? parts.join('|') : '0';
  }
  if (v.kind === 'join') return v.parts.map(flagText).join(v.sep);
  if (v.kind === 'const') return v.name;
  if (v.kind === 'token') return v.text;
  if (v.kind === 'int') return String(v.value);
  return '';
}

/** The number an int, const, flags or fd value stands for. */
export function num(v: JsonValue | undefined): number {
  if (!v) return NaN;
  switch (v.kind) {
    case 'int': case 'const': case 'flags': case 'pointer': return n(v.value);
    case 'fd': return v.fd;
    default: return NaN;
  }
}

/** A named field of a struct value (`clone3`'s `flags`, a msghdr's `msg_name`). */
export function fieldOf(v: JsonValue | undefined, name: string): JsonValue | undefined {
  if (v?.kind === 'struct') return v.fields[name];
  // clone3's argument is read at entry and written at exit: `{flags=…} => {parent_tid=…}`
  if (v?.kind === 'inout') return fieldOf(v.in, name) ?? fieldOf(v.out, name);
  // clone's `flags=…` arguments are joins of a token and a value
  if (v?.kind === 'join' && v.sep === '=' && v.parts[0]?.kind === 'token' && v.parts[0].text === name) return v.parts[1];
  return undefined;
}

/** The first string inside a value (an address inside `inet_addr("…")`). */
function firstText(v: JsonValue | undefined): string | undefined {
  if (!v) return undefined;
  if (v.kind === 'string') return text(v);
  if (v.kind === 'call') for (const a of v.args) {
    const t = firstText(a);
    if (t !== undefined) return t;
  }
  if (v.kind === 'join') return v.parts.map(firstText).join('');
  return undefined;
}

/** The port inside `htons(80)`. */
const port = (v: JsonValue | undefined): number | undefined =>
  v?.kind === 'call' && v.args[0] ? num(v.args[0]) : v ? num(v) : undefined;

/**
 * A socket address value as one string: `127.0.0.1:80`, `[::1]:443`, `/run/x.sock`, `@abstract`,
 * `netlink:pid=0`, else the family's name.
 */
export function address(v: JsonValue | undefined): { family: string; addr: string } | undefined {
  if (v?.kind !== 'struct') return undefined;
  const fam = v.fields.sa_family;
  const family = fam?.kind === 'const' ? fam.name : fam ? String(num(fam)) : '?';
  const f = v.fields;
  if (family === 'AF_INET') return { family, addr: `${firstText(f.sin_addr) ?? '?'}:${port(f.sin_port) ?? '?'}` };
  if (family === 'AF_INET6') {
    const a = firstText(f.sin6_addr) ?? v.positional?.map(firstText).find((x) => x !== undefined);
    return { family, addr: `[${a ?? '?'}]:${port(f.sin6_port) ?? '?'}` };
  }
  if (family === 'AF_UNIX') {
    const p = f.sun_path;
    const s = p?.kind === 'join' ? p.parts.map((x) => (x.kind === 'token' ? x.text : text(x) ?? '')).join('') : text(p);
    return { family, addr: s ?? '' };
  }
  if (family === 'AF_NETLINK') return { family, addr: `netlink:pid=${num(f.nl_pid)}` };
  return { family, addr: family };
}
