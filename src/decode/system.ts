/** Decoders of calls about the system and other processes: I/O priorities, kcmp, reboot, kexec, modules. */
import { A, addr, buf, fd, hexv, rd, sig, sint, withFacts } from './args.js';
import type { Ctx, SyscallDecoder } from './types.js';
import { field, join, struct, uint, type Value } from './value.js';
import {
  DELETE_MODULE_FLAGS, IOPRIO_WHO, KCMP_TYPES, KEXEC_ARCHES, KEXEC_FILE_LOAD_FLAGS, KEXEC_LOAD_FLAGS,
  MODULE_INIT_FLAGS, REBOOT_CMDS, REBOOT_MAGIC1, REBOOT_MAGIC2,
} from './xlat/proc.js';
import { cstrN, fetch, pidV, printArray, rawless, withAux, xflags32, xflags64, xval, xval64 } from './printers.js';
import { ioprioCall, ioprioV } from './ioprio.js';


// ================================================================ added: ioprio, kcmp, reboot, modules


/**
 * An fd of process `pid`: an fd value (which -y resolves in the tracee) when that is the tracee,
 * else the number (printfd_pid of another process is not resolved here). `pid` is of the tracee's
 * PID namespace, c.pid of sysray's: with pidns, compared as sysray numbers it.
 */
function fdOf(c: Ctx, pid: bigint, v: bigint): Value {
  const p = Number(BigInt.asIntN(32, pid));
  const ours = (p > 0 ? c.pidNotes?.(p, 'tgid')?.nsPid : undefined) ?? p;
  return ours === c.pid ? fd(v) : sint(v);
}

/** kcmp's idx arguments by type: fds, an epoll slot, nothing, or hex. */
function kcmpIdx(c: Ctx): Value[] {
  const type = Number(BigInt.asUintN(32, c.args[2]!));
  const [pid1, pid2, idx1, idx2] = [c.args[0]!, c.args[1]!, c.args[3]!, c.args[4]!];
  if (type === 0) return [fdOf(c, pid1, idx1), fdOf(c, pid2, idx2)]; // KCMP_FILE
  if (type === 7) { // KCMP_EPOLL_TFD
    const slot = fetch(c, idx2, 12, (b) => struct([
      field('efd', fdOf(c, pid2, BigInt(rd.s32(b, 0)))), field('tfd', fdOf(c, pid2, BigInt(rd.s32(b, 4)))),
      field('toff', uint(rd.u32(b, 8))),
    ]));
    return [fdOf(c, pid1, idx1), slot];
  }
  if (type >= 1 && type <= 6) return [];
  return [hexv(idx1), hexv(idx2)];
}

const LINUX_REBOOT_CMD_RESTART2 = 0xa1b2c3d4n;
const KEXEC_SEGMENT_MAX = 16n, KEXEC_ARCH_MASK = 0xffff0000n;

/** struct kexec_segment: `{buf=0x…, bufsz=N, mem=0x…, memsz=N}`. */
const kexecSegV = (b: Uint8Array): Value => struct([
  field('buf', addr(rd.u64(b, 0))), field('bufsz', uint(rd.u64(b, 8))),
  field('mem', addr(rd.u64(b, 16))), field('memsz', uint(rd.u64(b, 24))),
]);

/** kexec_load's flags: the arch in the high half, then KEXEC_* flags. */
function kexecFlags(v: bigint): Value {
  const arch = xval64(KEXEC_ARCHES, v & KEXEC_ARCH_MASK, 'KEXEC_ARCH_???');
  const rest = v & ~KEXEC_ARCH_MASK;
  return rest ? join('|', arch, xflags64(KEXEC_LOAD_FLAGS, rest, 'KEXEC_???')) : arch;
}

/** ioprio's who: a process (IOPRIO_WHO_PROCESS), a process group, or a user. */
const ioprioWho = (c: Ctx): Value => {
  const which = BigInt.asUintN(32, c.args[0]!);
  return which === 1n ? pidV(c, c.args[1]!) : which === 2n ? pidV(c, c.args[1]!, 'pgid') : sint(c.args[1]!);
};

const miscProcDecoders: Record<string, SyscallDecoder> = {
  ioprio_get: {
    entry: (c) => [xval(IOPRIO_WHO, c.args[0]!, 'IOPRIO_WHO_???'), ioprioWho(c)],
    ret: (c) => withAux('d', c.err ? undefined : rawless(ioprioCall(c.rval))),
  },
  ioprio_set: sig([A.sym(IOPRIO_WHO, 'x', 'IOPRIO_WHO_???'), (c) => ioprioWho(c), (c, i) => ioprioV(c.args[i]!)]),
  kcmp: { entry: (c) => [pidV(c, c.args[0]!), pidV(c, c.args[1]!), xval(KCMP_TYPES, c.args[2]!, 'KCMP_???'), ...kcmpIdx(c)] },
  reboot: {
    entry: (c) => {
      const cmd = BigInt.asUintN(32, c.args[2]!);
      const out = [
        xval(REBOOT_MAGIC1, c.args[0]!, 'LINUX_REBOOT_MAGIC_???'),
        xval(REBOOT_MAGIC2, c.args[1]!, 'LINUX_REBOOT_MAGIC_???'),
        xval(REBOOT_CMDS, cmd, 'LINUX_REBOOT_CMD_???'),
      ];
      if (cmd === LINUX_REBOOT_CMD_RESTART2) out.push(cstrN(c, c.args[3]!, 255));
      return out;
    },
  },
  kexec_load: sig([
    A.ptr, A.ulong,
    (c, i) => (c.args[1]! > KEXEC_SEGMENT_MAX ? addr(c.args[i]!) : printArray(c, c.args[i]!, c.args[1]!, 32, kexecSegV)),
    (c, i) => kexecFlags(c.args[i]!),
  ]),
  kexec_file_load: withFacts(sig([A.fd, A.fd, A.ulong, (c, i) => buf(c, c.args[i]!, c.args[2]!),
    (c, i) => xflags64(KEXEC_FILE_LOAD_FLAGS, c.args[i]!, 'KEXEC_FILE_???')]), { paths: ['fd', 'fd'] }),
  init_module: sig([A.ptr, A.ulong, A.cstr]),
  finit_module: sig([A.fd, A.cstr, (c, i) => xflags32(MODULE_INIT_FLAGS, c.args[i]!, 'MODULE_INIT_???')]),
  delete_module: sig([A.cstr, (c, i) => xflags32(DELETE_MODULE_FLAGS, c.args[i]!, 'O_???')]),
};

export { miscProcDecoders as decoders };
