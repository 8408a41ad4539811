/**
 * The stop-before-exec shim: a 300-byte static ELF, made here from shim.S's machine code, that does
 *   kill(getpid(), SIGSTOP);
 *   if (SECCOMP_WORD & 1) { if (SECCOMP_WORD & 2) prctl(PR_SET_NO_NEW_PRIVS, 1); seccomp(SET_MODE_FILTER, 0, &FPROG); }
 *   execve(argv[1], &argv[2], envp); exit_group(1);
 * so the tracer can seize it while stopped and see the command's own execve as its first syscall,
 * with the command's argv[0] and environment exactly as given (a shell shim cannot set argv[0]).
 * While it is stopped the tracer may write a seccomp filter into its data page (SHIM_DATA), as
 * seccomp.ts's filterBlock lays it out: the word, a struct sock_fprog, the instructions at SHIM_FILTER.
 */
import { chmodSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** x86_64 machine code (hex): shim.S, assembled. */
const X86_64_SHIM: string[] = [
  // BEGIN shim code (scripts/asm-tables.mjs)
  'b8270000000f0589c7be13000000b83e0000000f05488b0425000050004885c07430a8027419b89d000000bf26000000be0100000031d24531d24531c00f05b83d010000bf0100000031f6ba080050000f05488b7c2410488d742418488b0424488d54c410b83b0000000f05bf01000000b8e70000000f05',
  // END shim code
];

/** The machine code of the shim for x86_64 (the only architecture it exists for yet). */
export function shimCode(): Buffer {
  return Buffer.from(X86_64_SHIM.join(''), 'hex');
}

const ARCH: Record<string, { machine: number; code: () => Buffer }> = {
  x64: { machine: 62, code: shimCode },
};

/** The shim's writable data page (a second PT_LOAD, zero-filled): seccomp word, fprog, filter. */
export const SHIM_DATA = 0x500000n;
/** Where in it the filter's instructions go (shim.S: FILTER), after the word and the sock_fprog. */
export const SHIM_FILTER = 0x20;
/** Room for the filter: 64 KiB holds the kernel's maximum of 4096 instructions. */
const SHIM_DATA_SIZE = 0x10000 + SHIM_FILTER;

/** A minimal ELF64 executable: header, one PT_LOAD program header, code. */
export function shimImage(arch = process.arch): Buffer {
  const a = ARCH[arch];
  if (!a) throw new Error(`no shim for architecture ${arch}`);
  return staticElf(a.machine, a.code(), SHIM_DATA, SHIM_DATA_SIZE);
}

/**
 * A static ELF64 executable: code (position-independent, entered at its first byte) in a read+exec
 * segment at 0x400000, and a zero-filled read+write segment of `dataSize` bytes at `dataAddr`.
 */
export function staticElf(machine: number, code: Buffer, dataAddr: bigint, dataSize: number): Buffer {
  const base = 0x400000n;
  const hdr = 64, ph = 56, nph = 2, size = hdr + ph * nph + code.length;
  const b = Buffer.alloc(size);
  b.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 0); // ELFCLASS64, little-endian, version 1
  b.writeUInt16LE(2, 16); // ET_EXEC
  b.writeUInt16LE(machine, 18);
  b.writeUInt32LE(1, 20);
  b.writeBigUInt64LE(base + BigInt(hdr + ph * nph), 24); // e_entry
  b.writeBigUInt64LE(BigInt(hdr), 32); // e_phoff
  b.writeUInt16LE(hdr, 52); // e_ehsize
  b.writeUInt16LE(ph, 54); // e_phentsize
  b.writeUInt16LE(nph, 56); // e_phnum
  b.writeUInt32LE(1, hdr); // PT_LOAD
  b.writeUInt32LE(5, hdr + 4); // PF_R | PF_X
  b.writeBigUInt64LE(base, hdr + 16); // p_vaddr
  b.writeBigUInt64LE(base, hdr + 24); // p_paddr
  b.writeBigUInt64LE(BigInt(size), hdr + 32); // p_filesz
  b.writeBigUInt64LE(BigInt(size), hdr + 40); // p_memsz
  b.writeBigUInt64LE(0x1000n, hdr + 48); // p_align
  const d = hdr + ph; // PT_LOAD, RW, no file bytes: the data area
  b.writeUInt32LE(1, d);
  b.writeUInt32LE(6, d + 4); // PF_R | PF_W
  b.writeBigUInt64LE(dataAddr, d + 16);
  b.writeBigUInt64LE(dataAddr, d + 24);
  b.writeBigUInt64LE(0n, d + 32); // p_filesz
  b.writeBigUInt64LE(BigInt(dataSize), d + 40); // p_memsz
  b.writeBigUInt64LE(0x1000n, d + 48);
  code.copy(b, hdr + ph * nph);
  return b;
}

let cached: string | undefined;

/** FNV-1a of the image, to name the file by its content (node:crypto costs ~8 ms to load). */
function fnv1a(b: Uint8Array): string {
  let h = 0x811c9dc5;
  for (const x of b) h = Math.imul(h ^ x, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0') + b.length.toString(16);
}

/** The nearest directory at or above `dir` holding a package.json (this package's root). */
function packageRoot(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return d;
    if (dirname(d) === d) return undefined;
  }
}

/** os.tmpdir() on POSIX, without loading node:os for it (the launcher's runs never get here). */
function tempDir(): string {
  const d = process.env.TMPDIR || process.env.TMP || process.env.TEMP || '/tmp';
  return d.length > 1 && d.endsWith('/') ? d.slice(0, -1) : d;
}

/** Path of the shim executable, written on first use next to the build (or in the temp dir). */
export function shimPath(): string {
  if (cached) return cached;
  const img = shimImage();
  const name = `sysray-shim-${fnv1a(img)}`;
  const dirs = [join(tempDir(), `sysray-${process.getuid?.() ?? 0}`)];
  const root = packageRoot(import.meta.dirname ?? dirname(fileURLToPath(import.meta.url)));
  if (root) dirs.unshift(join(root, 'dist', '.shim'));
  for (const dir of dirs) {
    const p = join(dir, name);
    if (existsSync(p)) return (cached = p);
    try {
      mkdirSync(dir, { recursive: true, mode: 0o755 });
      // unique per thread too: the API's traces run in workers of one process
      const tmp = `${p}.${process.pid}.${Math.random().toString(36).slice(2)}`;
      writeFileSync(tmp, img, { mode: 0o755 });
      chmodSync(tmp, 0o755);
      renameSync(tmp, p);
      return (cached = p);
    } catch {
      /* try the next place */
    }
  }
  throw new Error('cannot write the exec shim');
}
