/**
 * The stop-before-exec shim: a 200-byte static ELF, generated here, that does
 *   kill(getpid(), SIGSTOP); execve(argv[1], &argv[2], envp); exit_group(1);
 * so the tracer can seize it while stopped and see the command's own execve as its first syscall,
 * with the command's argv[0] and environment exactly as given (a shell shim cannot set argv[0]).
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** x86_64 machine code, one instruction a row. */
const X86_64_CODE: number[][] = [
  [0xb8, 0x27, 0, 0, 0], //             mov  eax, 39 (getpid)
  [0x0f, 0x05], //                      syscall
  [0x89, 0xc7], //                      mov  edi, eax
  [0xbe, 0x13, 0, 0, 0], //             mov  esi, 19 (SIGSTOP)
  [0xb8, 0x3e, 0, 0, 0], //             mov  eax, 62 (kill)
  [0x0f, 0x05], //                      syscall
  [0x48, 0x8b, 0x7c, 0x24, 0x10], //    mov  rdi, [rsp+16]        argv[1]: the path
  [0x48, 0x8d, 0x74, 0x24, 0x18], //    lea  rsi, [rsp+24]        &argv[2]: the command's argv
  [0x48, 0x8b, 0x04, 0x24], //          mov  rax, [rsp]           argc
  [0x48, 0x8d, 0x54, 0xc4, 0x10], //    lea  rdx, [rsp+rax*8+16]  envp
  [0xb8, 0x3b, 0, 0, 0], //             mov  eax, 59 (execve)
  [0x0f, 0x05], //                      syscall
  [0xbf, 0x01, 0, 0, 0], //             mov  edi, 1
  [0xb8, 0xe7, 0, 0, 0], //             mov  eax, 231 (exit_group)
  [0x0f, 0x05], //                      syscall
];

const ARCH: Record<string, { machine: number; code: number[][] }> = {
  x64: { machine: 62, code: X86_64_CODE },
};

/** A minimal ELF64 executable: header, one PT_LOAD program header, code. */
export function shimImage(arch = process.arch): Buffer {
  const a = ARCH[arch];
  if (!a) throw new Error(`no shim for architecture ${arch}`);
  const code = Buffer.from(a.code.flat());
  const base = 0x400000n;
  const hdr = 64, ph = 56, size = hdr + ph + code.length;
  const b = Buffer.alloc(size);
  b.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 0); // ELFCLASS64, little-endian, version 1
  b.writeUInt16LE(2, 16); // ET_EXEC
  b.writeUInt16LE(a.machine, 18);
  b.writeUInt32LE(1, 20);
  b.writeBigUInt64LE(base + BigInt(hdr + ph), 24); // e_entry
  b.writeBigUInt64LE(BigInt(hdr), 32); // e_phoff
  b.writeUInt16LE(hdr, 52); // e_ehsize
  b.writeUInt16LE(ph, 54); // e_phentsize
  b.writeUInt16LE(1, 56); // e_phnum
  b.writeUInt32LE(1, hdr); // PT_LOAD
  b.writeUInt32LE(5, hdr + 4); // PF_R | PF_X
  b.writeBigUInt64LE(base, hdr + 16); // p_vaddr
  b.writeBigUInt64LE(base, hdr + 24); // p_paddr
  b.writeBigUInt64LE(BigInt(size), hdr + 32); // p_filesz
  b.writeBigUInt64LE(BigInt(size), hdr + 40); // p_memsz
  b.writeBigUInt64LE(0x1000n, hdr + 48); // p_align
  code.copy(b, hdr + ph);
  return b;
}

let cached: string | undefined;

/** The nearest directory at or above `dir` holding a package.json (this package's root). */
function packageRoot(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return d;
    if (dirname(d) === d) return undefined;
  }
}

/** Path of the shim executable, written on first use next to the build (or in the temp dir). */
export function shimPath(): string {
  if (cached) return cached;
  const img = shimImage();
  const name = `sysray-shim-${createHash('sha256').update(img).digest('hex').slice(0, 12)}`;
  const dirs = [join(tmpdir(), `sysray-${process.getuid?.() ?? 0}`)];
  const root = packageRoot(dirname(fileURLToPath(import.meta.url)));
  if (root) dirs.unshift(join(root, 'dist', '.shim'));
  for (const dir of dirs) {
    const p = join(dir, name);
    if (existsSync(p)) return (cached = p);
    try {
      mkdirSync(dir, { recursive: true, mode: 0o755 });
      const tmp = `${p}.${process.pid}`;
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
