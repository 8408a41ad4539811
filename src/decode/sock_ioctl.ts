/** Socket ioctls (type 0x89): struct ifreq, ifconf and the ints they carry (strace's sock.c). */
import { addr, hexv, rd } from './args.js';
import type { Ctx } from './types.js';
import { field, int, note, struct, tok, type Field, type Value } from './value.js';
import { flags as xflags, symbol } from './xlat/core.js';
import { cstrField, cstrN, fetch, ifindexV, numAt, printArray } from './printers.js';
import { ARPHRD, IFF_FLAGS } from './xlat/net.js';
import { rawBytes, sockaddrV } from './sockaddr.js';


// ---------------------------------------------------------------- socket ioctls (type 0x89)

/**
 * How one socket request's third argument prints, in the shape of the ioctl dispatcher's table
 * (desc.ts): at entry or at exit; `save` runs at entry for exit-time arguments.
 */
export interface SockIoctlArg {
  at: 'entry' | 'exit';
  print: (c: Ctx, a: bigint) => Value;
  save?: (c: Ctx, a: bigint) => void;
}

const IFREQ_SIZE = 40;
const IFNAMSIZ = 16;


/** The bytes of a MAC address per hardware type (strace's hwaddr_sizes; 255: all of them). */
const HWADDR_SIZES: Readonly<Record<number, number>> = {
  0: 7, 1: 6, 3: 7, 6: 6, 7: 1, 15: 2, 24: 16, 27: 8, 32: 20, 256: 0, 270: 5, 271: 0, 280: 0, 290: 1, 512: 0, 518: 0,
  519: 0, 768: 4, 769: 16, 772: 6, 773: 1, 774: 6, 776: 4, 777: 0, 778: 4, 779: 0, 780: 6, 783: 4, 801: 6, 802: 6,
  803: 6, 804: 8, 805: 8, 820: 1, 821: 1, 822: 0, 823: 16, 824: 0, 825: 8, 826: 0,
};
/**
 * strace formats MAC addresses into one static buffer that an empty address leaves untouched: an
 * address of 0 bytes prints the previous one again. We do the same, to print what it prints.
 */
let lastMac = '';
/** `00:11:22:33:44:55`: a hardware address of `size` bytes cut to its type's length. */
export const hwaddrV = (b: Uint8Array, size: number, type: number): Value => {
  const n = Math.min(size, HWADDR_SIZES[type] ?? 255);
  if (n > 0) lastMac = [...b.subarray(0, n)].map((x) => x.toString(16).padStart(2, '0')).join(':');
  // -X raw and -X verbose show all `size` bytes quoted first
  return { k: 'styled', abbrev: tok(lastMac), raw: rawBytes(b, 0, size) };
};

const ifrSockaddr = (c: Ctx, b: Uint8Array): Value => {
  const sa = new Uint8Array(129);
  sa.set(b.subarray(16, 32));
  return sockaddrV(sa, 16, c);
};

/** The union member of struct ifreq a request names (print_ifreq). */
type IfrField = (b: Uint8Array, c: Ctx) => Field;
const ifrInt = (n: string): IfrField => (b) => field(n, int(rd.s32(b, 16)));
const ifrAddr = (n: string): IfrField => (b, c) => field(n, ifrSockaddr(c, b));
const ifrHw: IfrField = (b) => {
  const type = rd.u16(b, 16);
  return field('ifr_hwaddr', struct([
    field('sa_family', symbol(ARPHRD, BigInt(type), 'x', 'ARPHRD_???')),
    field('sa_data', hwaddrV(b.subarray(18, 32), 14, type)),
  ]));
};
const ifrFlags: IfrField = (b) => field('ifr_flags', xflags(IFF_FLAGS, BigInt(rd.u16(b, 16)), 'IFF_???'));
const ifrStr = (n: string): IfrField => (b) => field(n, cstrField(b, 16, IFNAMSIZ));
const ifrMap: IfrField = (b) => field('ifr_map', struct([
  field('mem_start', hexv(rd.u64(b, 16))), field('mem_end', hexv(rd.u64(b, 24))), field('base_addr', hexv(BigInt(rd.u16(b, 32)))),
  field('irq', hexv(BigInt(b[34]!))), field('dma', hexv(BigInt(b[35]!))), field('port', hexv(BigInt(b[36]!))),
]));

const ifrName = (b: Uint8Array): Field => field('ifr_name', cstrField(b, 0, IFNAMSIZ));

/** A set request: `{ifr_name="lo", ifr_flags=IFF_UP}` at entry. */
const ifrSet = (f: IfrField): SockIoctlArg => ({
  at: 'entry',
  print: (c, a) => fetch(c, a, IFREQ_SIZE, (b) => struct([ifrName(b), f(b, c)])),
});
/** A get request: the name (SIOCGIFNAME: the index) given, then what the kernel filled in. */
const ifrGet = (f: IfrField, byIndex = false): SockIoctlArg => ({
  at: 'exit',
  print: (c, a) => fetch(c, a, IFREQ_SIZE, (b) => {
    const fields = [byIndex ? field('ifr_ifindex', int(rd.s32(b, 16))) : ifrName(b)];
    if (!c.err) fields.push(byIndex ? ifrName(b) : f(b, c));
    return struct(fields);
  }),
});

/** ifc_len: `80 /* 2 * sizeof(struct ifreq) *\/` when it counts whole structs. */
const ifcLen = (len: number): Value => {
  const n = Math.floor((len >>> 0) / IFREQ_SIZE);
  return len > 0 && n * IFREQ_SIZE === len ? note(int(len), `${n} * sizeof(struct ifreq)`) : int(len);
};

/** SIOCGIFCONF: struct ifconf, the length before and after and the entries the kernel wrote. */
const ifconf: SockIoctlArg = {
  at: 'exit',
  save: (c, a) => {
    // read even with -e verbose=none (only the entries then print as an address)
    const b = a ? c.mem.read(a, 16) : null;
    c.state.ifc = b ? { len: rd.s32(b, 0), buf: rd.u64(b, 8) } : undefined;
  },
  print: (c, a) => {
    const ent = c.state.ifc as { len: number; buf: bigint } | undefined;
    if (!ent) return addr(a);
    const b = c.mem.read(a, 16);
    if (!b) {
      return struct([field('ifc_len', ifcLen(ent.len)), field('ifc_buf', addr(ent.buf))]);
    }
    const len = rd.s32(b, 0);
    const bufp = rd.u64(b, 8);
    const lenV = !ent.buf ? ifcLen(len) : ent.len !== len ? { k: 'inout', in: ifcLen(ent.len), out: ifcLen(len) } as Value : ifcLen(len);
    if (!ent.buf || c.err) {
      const bufV = ent.buf !== bufp ? { k: 'inout', in: addr(ent.buf), out: addr(bufp) } as Value : addr(ent.buf);
      return struct([field('ifc_len', lenV), field('ifc_buf', bufV)]);
    }
    const items = printArray(c, bufp, Math.floor((len >>> 0) / IFREQ_SIZE), IFREQ_SIZE, (e) =>
      struct([ifrName(e), field('ifr_addr', ifrSockaddr(c, e))]), { exiting: true });
    return struct([field('ifc_len', lenV), field('ifc_buf', items)]);
  },
};

const sockIntAt = (at: 'entry' | 'exit'): SockIoctlArg => ({ at, print: (c, a) => numAt(c, a, at === 'exit') });
const sockPtr: SockIoctlArg = { at: 'entry', print: (_c, a) => addr(a) };

/** Requests of type 0x89 strace decodes (sock_ioctl); null: no argument printed. Others: hex at entry. */
export const SOCK_IOCTLS: Readonly<Record<number, SockIoctlArg | null>> = {
  0x8912: ifconf, // SIOCGIFCONF
  // SIOCBRADDBR, SIOCBRDELBR: a bridge name of at most IFNAMSIZ bytes, NUL or not
  0x89a0: { at: 'entry', print: (c, a) => cstrN(c, a, IFNAMSIZ) }, 0x89a1: { at: 'entry', print: (c, a) => cstrN(c, a, IFNAMSIZ) },
  // FIOGETOWN, SIOCATMARK, SIOCGIFENCAP, SIOCGPGRP, SIOCOUTQNSD; FIOSETOWN, SIOCSIFENCAP, SIOCSPGRP
  0x8903: sockIntAt('exit'), 0x8905: sockIntAt('exit'), 0x8925: sockIntAt('exit'), 0x8904: sockIntAt('exit'), 0x894b: sockIntAt('exit'),
  0x8901: sockIntAt('entry'), 0x8926: sockIntAt('entry'), 0x8902: sockIntAt('entry'),
  // SIOCBRADDIF, SIOCBRDELIF
  0x89a2: { at: 'entry', print: (c, a) => fetch(c, a, IFREQ_SIZE, (b) => struct([field('ifr_ifindex', ifindexV(c, rd.s32(b, 16)))])) },
  0x89a3: { at: 'entry', print: (c, a) => fetch(c, a, IFREQ_SIZE, (b) => struct([field('ifr_ifindex', ifindexV(c, rd.s32(b, 16)))])) },
  0x8931: ifrSet(ifrHw), 0x8932: ifrSet(ifrHw), // SIOCADDMULTI, SIOCDELMULTI
  0x8916: ifrSet(ifrAddr('ifr_addr')), 0x891a: ifrSet(ifrAddr('ifr_broadaddr')), 0x8918: ifrSet(ifrAddr('ifr_dstaddr')),
  0x891c: ifrSet(ifrAddr('ifr_netmask')), 0x8914: ifrSet(ifrFlags), 0x8924: ifrSet(ifrHw), 0x8937: ifrSet(ifrHw),
  0x8971: ifrSet(ifrMap), 0x891e: ifrSet(ifrInt('ifr_metric')), 0x8922: ifrSet(ifrInt('ifr_mtu')),
  0x8923: ifrSet(ifrStr('ifr_newname')), 0x8930: ifrSet(ifrStr('ifr_slave')), 0x8943: ifrSet(ifrInt('ifr_qlen')),
  0x8915: ifrGet(ifrAddr('ifr_addr')), 0x8919: ifrGet(ifrAddr('ifr_broadaddr')), 0x8917: ifrGet(ifrAddr('ifr_dstaddr')),
  0x8913: ifrGet(ifrFlags), 0x8927: ifrGet(ifrHw), 0x8933: ifrGet(ifrInt('ifr_ifindex')), 0x8970: ifrGet(ifrMap),
  0x891d: ifrGet(ifrInt('ifr_metric')), 0x8921: ifrGet(ifrInt('ifr_mtu')), 0x8910: ifrGet(ifrName, true),
  0x891b: ifrGet(ifrAddr('ifr_netmask')), 0x8929: ifrGet(ifrStr('ifr_slave')), 0x8942: ifrGet(ifrInt('ifr_qlen')),
  // requests whose argument strace prints as an address
  ...Object.fromEntries([0x8980, 0x890b, 0x8995, 0x8990, 0x8994, 0x8991, 0x8992, 0x8993, 0x8953, 0x8981, 0x890c, 0x8936,
    0x8960, 0x8946, 0x8954, 0x89b1, 0x8940, 0x8938, 0x891f, 0x8935, 0x8982, 0x8947, 0x8948, 0x8961, 0x894c, 0x8906,
    0x80108906, 0x8907, 0x80108907, 0x890d, 0x8955, 0x89b0, 0x8941, 0x8911, 0x8920, 0x8934, 0x8983, 0x8949, 0x8962,
    0x894a].map((k) => [k, sockPtr])),
};
