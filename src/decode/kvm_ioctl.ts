/**
 * KVM ioctls (type 0xae, strace's kvm.c and its x86_64 arch_kvm.c): capabilities, memory regions,
 * vCPU registers, segment registers and CPUID tables; the VM and vCPU fds they return; with -e
 * kvm=vcpu, KVM_RUN's exit reason.
 */
import { rd } from './args.js';
import { asFd, fetch, onEntry, onExit, printArray, xval64, type ArgAt, type ArgPrinter } from './printers.js';
import type { Ctx, RetInfo } from './types.js';
import { MORE, array, field, hex, struct, tok, uint, type Field, type Value } from './value.js';
import { flags, lookup } from './xlat/core.js';
import { KVM_CAPS, KVM_CPUID_FLAGS, KVM_EXIT_REASONS, KVM_MEM_FLAGS } from './xlat/kvm.js';

/** `...` in place of the fields abbrev leaves out (strace's tprint_more_data_follows inside a struct). */
const MORE_FIELD: Field = { v: MORE };

const memoryRegion: ArgPrinter = (c, a) =>
  fetch(c, a, 32, (b) =>
    struct([
      field('slot', uint(rd.u32(b, 0))), field('flags', flags(KVM_MEM_FLAGS, BigInt(rd.u32(b, 4)), 'KVM_MEM_???')),
      field('guest_phys_addr', hex(rd.u64(b, 8))), field('memory_size', uint(rd.u64(b, 16))),
      field('userspace_addr', hex(rd.u64(b, 24))),
    ]));

const REGS = ['rax', 'rbx', 'rcx', 'rdx', 'rsi', 'rdi', 'rsp', 'rbp', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15', 'rip', 'rflags'];
/** Registers abbrev keeps: rax, rsp, rbp, rip and rflags. */
const REGS_SHOWN = new Set(['rax', 'rsp', 'rbp', 'rip', 'rflags']);
const regs = (exiting: boolean): ArgPrinter => (c, a) =>
  fetch(c, a, 8 * REGS.length, (b) => {
    const f: Field[] = [];
    REGS.forEach((n, i) => {
      if (!c.opt.abbrev || REGS_SHOWN.has(n)) f.push(field(n, hex(rd.u64(b, 8 * i))));
      else if (n === 'rbx' || n === 'r8') f.push(MORE_FIELD);
    });
    return struct(f);
  }, exiting);

const segment = (b: Uint8Array, off: number): Value =>
  struct([
    field('base', hex(rd.u64(b, off))), field('limit', uint(rd.u32(b, off + 8))), field('selector', uint(rd.u16(b, off + 12))),
    ...['type', 'present', 'dpl', 'db', 's', 'l', 'g', 'avl'].map((n, i) => field(n, uint(b[off + 14 + i]!))),
  ]);
const dtable = (b: Uint8Array, off: number): Value => struct([field('base', hex(rd.u64(b, off))), field('limit', uint(rd.u16(b, off + 8)))]);

/** struct kvm_sregs: the code segment only with abbrev. */
const SEGMENTS = ['cs', 'ds', 'es', 'fs', 'gs', 'ss', 'tr', 'ldt'];
const SREGS_SIZE = 312;
const sregs = (exiting: boolean): ArgPrinter => (c, a) =>
  fetch(c, a, SREGS_SIZE, (b) => {
    if (c.opt.abbrev) return struct([field('cs', segment(b, 0))], true);
    const crs = ['cr0', 'cr2', 'cr3', 'cr4', 'cr8', 'efer'].map((n, i) => field(n, uint(rd.u64(b, 224 + 8 * i))));
    return struct([
      ...SEGMENTS.map((n, i) => field(n, segment(b, 24 * i))), field('gdt', dtable(b, 192)), field('idt', dtable(b, 208)),
      ...crs, field('apic_base', hex(rd.u64(b, 272))),
      field('interrupt_bitmap', array(Array.from({ length: 4 }, (_, i) => hex(rd.u64(b, 280 + 8 * i))))),
    ]);
  }, exiting);

/** struct kvm_cpuid2: nent, then its entries (`[...]` with abbrev). */
const CPUID_ENTRY = 40;
const cpuid2 = (exiting: boolean): ArgPrinter => (c, a) =>
  fetch(c, a, 8, (b) => {
    const nent = rd.u32(b, 0);
    const entries = c.opt.abbrev
      ? array([], nent > 0)
      : printArray(c, a + 8n, nent, CPUID_ENTRY, (e) =>
        struct([
          field('function', hex(rd.u32(e, 0))), field('index', hex(rd.u32(e, 4))),
          field('flags', flags(KVM_CPUID_FLAGS, BigInt(rd.u32(e, 8)), 'KVM_CPUID_FLAG_???')),
          ...['eax', 'ebx', 'ecx', 'edx'].map((n, i) => field(n, hex(rd.u32(e, 12 + 4 * i)))),
        ]), { exiting });
    return struct([field('nent', uint(nent)), field('entries', entries)]);
  }, exiting);

const set = onEntry;
const get = onExit;

export const KVM_IOCTLS: Readonly<Record<number, ArgAt | null>> = {
  0xae03: set((_c, a) => xval64(KVM_CAPS, a, 'KVM_CAP_???')), // KVM_CHECK_EXTENSION
  0xae41: set((_c, a) => uint(BigInt.asUintN(32, a))), // KVM_CREATE_VCPU
  0x4020ae46: set(memoryRegion), // KVM_SET_USER_MEMORY_REGION
  0x8090ae81: get(regs(true)), 0x4090ae82: set(regs(false)), // KVM_GET_REGS, KVM_SET_REGS
  0x8138ae83: get(sregs(true)), 0x4138ae84: set(sregs(false)), // KVM_GET_SREGS, KVM_SET_SREGS
  0x4008ae90: set(cpuid2(false)), // KVM_SET_CPUID2
  0xc008ae05: get(cpuid2(true)), 0xc008ae09: get(cpuid2(true)), // KVM_GET_SUPPORTED_CPUID, KVM_GET_EMULATED_CPUID
};

/** KVM_CREATE_VCPU's fd, noted for -e kvm=vcpu with the vCPU's number (strace's vcpu_register). */
const createVcpu = (c: Ctx): RetInfo => {
  if (c.kvm && !c.err) c.kvm.created(Number(BigInt.asIntN(32, c.rval)), Number(BigInt.asIntN(32, c.args[2]!)));
  return asFd();
};

/** sizeof(struct kvm_run): strace reads the whole structure, and not from a shorter mapping. */
const KVM_RUN_SIZE = 2352;
const EXIT_REASON = 8;

/** -e kvm=vcpu: after a successful KVM_RUN, the exit reason in the vCPU's mapped kvm_run, as `= 0 (KVM_EXIT_HLT)`. */
const run = (c: Ctx): RetInfo => {
  const at = c.kvm && !c.err ? c.kvm.run(Number(BigInt.asIntN(32, c.args[0]!))) : undefined;
  const b = at && at.len >= BigInt(KVM_RUN_SIZE) ? c.mem.read(at.addr, KVM_RUN_SIZE) : null;
  return b ? { fmt: 'd', aux: tok(lookup(KVM_EXIT_REASONS, rd.u32(b, EXIT_REASON)) ?? 'KVM_EXIT_???') } : { fmt: 'd' };
};

/** KVM_CREATE_VM and KVM_CREATE_VCPU return fds; KVM_RUN may name the vCPU's exit. */
export const KVM_RESULTS: Readonly<Record<number, (c: Ctx) => RetInfo>> = { 0xae01: asFd, 0xae41: createVcpu, 0xae80: run };
