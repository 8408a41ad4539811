/**
 * seccomp user-notification ioctls (type '!', strace's seccomp_ioctl.c): the notification a
 * supervisor receives, its response, ids, and the fds it installs in the target.
 */
import { addr, fd, rd } from './args.js';
import { fetch, onEntry, pidV, xval, type ArgAt, type ArgPrinter } from './printers.js';
import { syscallNameArch } from './siginfo.js';
import type { Ctx } from './types.js';
import { array, field, hex, int, struct, sym, type Value } from './value.js';
import { flags } from './xlat/core.js';
import { SECCOMP_ADDFD_FLAGS, SECCOMP_RESP_FLAGS } from './xlat/desc.js';
import { errnoName } from './xlat/errno.js';
import { AUDIT_ARCHES, OPEN_FLAGS } from './xlat/tables.js';

const NOTIF_SIZE = 80;

/** struct seccomp_notif: id, the target's pid, flags, and the seccomp_data of its call. */
const notif = (c: Ctx, b: Uint8Array): Value => {
  const arch = rd.u32(b, 20);
  const args = Array.from({ length: 6 }, (_, i) => hex(rd.u64(b, 32 + 8 * i)));
  return struct([
    field('id', hex(rd.u64(b, 0))), field('pid', pidV(c, rd.s32(b, 8), 'tgid')), field('flags', hex(rd.u32(b, 12))),
    field('data', struct([
      field('nr', syscallNameArch(rd.s32(b, 16), arch)), field('arch', xval(AUDIT_ARCHES, BigInt(arch), 'AUDIT_ARCH_???')),
      field('instruction_pointer', addr(rd.u64(b, 24))), field('args', array(args)),
    ])),
  ]);
};

/**
 * SECCOMP_IOCTL_NOTIF_RECV: the kernel fills the struct; one the caller did not zero prints at entry
 * too, then ` => ` and the struct (or its address, when the call failed) at exit.
 */
const notifRecv: ArgAt = {
  at: 'exit',
  save: (c, a) => {
    const zeroed = a !== 0n && c.opt.verbose && c.mem.read(a, NOTIF_SIZE)?.every((x) => x === 0);
    c.state.argIn = zeroed ? undefined : fetch(c, a, NOTIF_SIZE, (b) => notif(c, b));
  },
  print: (c, a) => {
    const v = c.state.argIn as Value | undefined;
    if (v && v.k !== 'struct') return v;
    const out = fetch(c, a, NOTIF_SIZE, (b) => notif(c, b), true);
    return v ? { k: 'inout', in: v, out } : out;
  },
};

const negErrno = (v: number): Value => {
  const name = v < 0 ? errnoName(-v) : undefined;
  return name ? sym('-' + name, v) : int(v);
};
const notifId: ArgPrinter = (c, a) => fetch(c, a, 8, (b) => array([hex(rd.u64(b, 0))]), true);
export const SECCOMP_IOCTLS: Readonly<Record<number, ArgAt | null>> = {
  0xc0502100: notifRecv, // SECCOMP_IOCTL_NOTIF_RECV
  0xc0182101: onEntry((c, a) => // SECCOMP_IOCTL_NOTIF_SEND
    fetch(c, a, 24, (b) =>
      struct([
        field('id', hex(rd.u64(b, 0))), field('val', int(rd.s64(b, 8))), field('error', negErrno(rd.s32(b, 16))),
        field('flags', flags(SECCOMP_RESP_FLAGS, BigInt(rd.u32(b, 20)), 'SECCOMP_USER_NOTIF_FLAG_???')),
      ]),
      true,
    )),
  0x40082102: onEntry(notifId), 0x80082102: onEntry(notifId), // SECCOMP_IOCTL_NOTIF_ID_VALID (and its old, wrong direction)
  0x40182103: onEntry((c, a) => // SECCOMP_IOCTL_NOTIF_ADDFD
    fetch(c, a, 24, (b) =>
      struct([
        field('id', hex(rd.u64(b, 0))), field('flags', flags(SECCOMP_ADDFD_FLAGS, BigInt(rd.u32(b, 8)), 'SECCOMP_ADDFD_FLAG_???')),
        field('srcfd', fd(BigInt(rd.u32(b, 12)))), field('newfd', int(rd.s32(b, 16))),
        field('newfd_flags', flags(OPEN_FLAGS, BigInt(rd.u32(b, 20)), 'O_???')),
      ]),
      true,
    )),
};

