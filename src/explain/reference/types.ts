/**
 * The shape of one row of the syscall reference (src/explain/reference/*.ts). The rows are data:
 * what a syscall does, its C signature, what it returns, the errors programs meet and which APIs
 * lead to it. Numbers and classes are not here: they belong to the syscall tables (src/arch/) and
 * src/explain/reference.ts joins them in.
 */

/**
 * Memory an example argument points to. The example is decoded by sysray's real decoder, which
 * reads these bytes as it would read the tracee's (little-endian words).
 */
export type ExampleMem =
  | { u8: readonly number[] }
  | { u16: readonly number[] }
  | { u32: readonly number[] }
  | { i32: readonly number[] }
  | { u64: readonly (number | bigint)[] }
  /** Bytes of text, with no NUL after them (a buffer, not a C string). */
  | { buf: string }
  /** `n` zero bytes. */
  | { zero: number }
  /** These pieces one after the other (a struct of mixed fields). */
  | { cat: readonly ExampleMem[] }
  /** An array of pointers, each to its own memory (argv, envp: end it with null). */
  | { ptrs: readonly ExampleArg[] }
  /** An array of struct iovec, each buffer holding one of these texts. */
  | { iov: readonly string[] };

/**
 * One raw argument of an example: a register value (negative numbers as the kernel sees them,
 * two's complement), NULL, a C string (its address is passed, the text NUL-terminated), or memory.
 */
export type ExampleArg = number | bigint | null | string | ExampleMem;

export interface Example {
  args: readonly ExampleArg[];
  /** The result: a number, an errno name (`ENOENT`) for a failure, null for a call that never returns. Default 0. */
  ret?: number | bigint | string | null;
}

export interface RefRow {
  /** The syscall's name as in the syscall tables. */
  name: string;
  /** The kernel's C signature with argument names: `ssize_t read(int fd, void *buf, size_t count)`. */
  sig: string;
  /** What the call does, in one line of plain words (no final full stop). */
  summary: string;
  /** What a successful call returns. */
  returns: string;
  /** The errors programs commonly meet, by errno name, with when they happen. */
  errors?: Readonly<Record<string, string>>;
  /** Related syscalls. */
  see?: readonly string[];
  /** libc functions and Node APIs whose use leads to this syscall. */
  via?: readonly string[];
  /** Raw arguments for `--describe`'s example line; absent: made from the signature's types. */
  ex?: Example;
}
