/** sysray/unix: the kernel key retention service: add_key, request_key, keyctl. */
import { addressOf, iovecs, bytesArg, i32Arg, int, pathArg, sys } from './core.js';
import { row } from './rows.js';
import {
  KEYCTL_DH_COMPUTE, KEYCTL_GET_KEYRING_ID, KEYCTL_INSTANTIATE_IOV, KEYCTL_JOIN_SESSION_KEYRING, KEYCTL_RESTRICT_KEYRING,
  KEYCTL_SEARCH, KEYCTL_SETPERM,
} from './names.js';

/** add_key(2): returns the key's serial. `payload` may be null (keyrings). */
export function add_key(type: string, description: string, payload: Uint8Array | string | null, ringid: number): number {
  const t = pathArg(type, 'type');
  const d = pathArg(description, 'description');
  const p = payload === null ? null : typeof payload === 'string' ? Buffer.from(payload, 'utf8') : bytesArg(payload, 'payload');
  return sys('add_key', [addressOf(t.c), addressOf(d.c), p && p.byteLength ? addressOf(p) : 0, p ? p.byteLength : 0, i32Arg(ringid, 'ringid')], [t, d, p]);
}

/** request_key(2): `callout` null not to call /sbin/request-key. */
export function request_key(type: string, description: string, callout: string | null, destRingid: number): number {
  const t = pathArg(type, 'type');
  const d = pathArg(description, 'description');
  const c = callout === null ? null : pathArg(callout, 'callout');
  return sys('request_key', [addressOf(t.c), addressOf(d.c), c ? addressOf(c.c) : 0, i32Arg(destRingid, 'destRingid')], [t, d, c]);
}

/** keyctl(2) with integer arguments (KeyctlInt): KEYCTL_* command. */
export const keyctl = row('keyctl', ['int'], ['off', 'off', 'off', 'off']);

/** KeyctlBuffer: a command that fills a buffer (KEYCTL_READ, KEYCTL_DESCRIBE …); returns the length the kernel reports. */
export function keyctlBuffer(cmd: number, id: number, buf: Uint8Array | null, arg5 = 0): number {
  const b = buf === null ? null : bytesArg(buf, 'buf');
  return sys('keyctl', [i32Arg(cmd, 'cmd'), i32Arg(id, 'id'), b ? addressOf(b) : 0, b ? b.byteLength : 0, arg5], [b]);
}

/** KeyctlString: a command whose answer is a string (KEYCTL_DESCRIBE, KEYCTL_GET_SECURITY). */
export function keyctlString(cmd: number, id: number): string {
  for (let size = 256; ; size *= 4) {
    const b = Buffer.alloc(size);
    const n = keyctlBuffer(cmd, id, b);
    if (n <= size) return b.toString('utf8', 0, Math.max(0, n - 1));
  }
}

/** KeyctlGetKeyringID: a special keyring's serial (KEY_SPEC_*), created if `create`. */
export const keyctlGetKeyringID = (id: number, create: boolean): number => keyctl(KEYCTL_GET_KEYRING_ID, id, create ? 1 : 0);
/** KeyctlJoinSessionKeyring: join (or create, with a new name; null for anonymous) a session keyring. */
export function keyctlJoinSessionKeyring(name: string | null): number {
  const n = name === null ? null : pathArg(name, 'name');
  return sys('keyctl', [KEYCTL_JOIN_SESSION_KEYRING, n ? addressOf(n.c) : 0], [n]);
}
/** KeyctlSetperm: KEY_POS_* | KEY_USR_* … */
export const keyctlSetperm = (id: number, perm: number): void => void keyctl(KEYCTL_SETPERM, id, int(perm, 'perm', 0, 0xffffffff));

/** KeyctlSearch: a key in keyring `ringid` by type and description; links it to `destRingid` (0: none). */
export function keyctlSearch(ringid: number, type: string, description: string, destRingid = 0): number {
  const t = pathArg(type, 'type');
  const d = pathArg(description, 'description');
  return sys('keyctl', [KEYCTL_SEARCH, i32Arg(ringid, 'ringid'), addressOf(t.c), addressOf(d.c), i32Arg(destRingid, 'destRingid')], [t, d]);
}

/** KeyctlRestrictKeyring: restrict what may be linked to a keyring (`keyType` null: nothing). */
export function keyctlRestrictKeyring(ringid: number, keyType: string | null, restriction: string | null): void {
  const t = keyType === null ? null : pathArg(keyType, 'keyType');
  const r = restriction === null ? null : pathArg(restriction, 'restriction');
  sys('keyctl', [KEYCTL_RESTRICT_KEYRING, i32Arg(ringid, 'ringid'), t ? addressOf(t.c) : 0, r ? addressOf(r.c) : 0], [t, r]);
}

/** KeyctlInstantiateIOV: instantiate a key under construction from `payload` buffers. */
export function keyctlInstantiateIOV(id: number, payload: Uint8Array[], ringid: number): void {
  const v = iovecs(payload, 'payload');
  sys('keyctl', [KEYCTL_INSTANTIATE_IOV, i32Arg(id, 'id'), addressOf(v.iov), v.list.length, i32Arg(ringid, 'ringid')], [v]);
}

/** KeyctlDHCompute: Diffie-Hellman from three user keys {private, prime, base}; the result into `buf`. */
export function keyctlDHCompute(params: { private: number; prime: number; base: number }, buf: Uint8Array): number {
  const p = Buffer.alloc(12);
  p.writeInt32LE(i32Arg(params.private, 'private'), 0);
  p.writeInt32LE(i32Arg(params.prime, 'prime'), 4);
  p.writeInt32LE(i32Arg(params.base, 'base'), 8);
  const b = bytesArg(buf, 'buf');
  return sys('keyctl', [KEYCTL_DH_COMPUTE, addressOf(p), addressOf(b), b.byteLength, 0], [p, b]);
}
