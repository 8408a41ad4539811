/**
 * The typed values decoders produce. A Value is data: renderers (strace text, JSON) turn it into
 * output. Keep this union small; every renderer must handle every kind.
 */

export type Value =
  /** An integer; `fmt` says how strace shows it: d (signed), u (unsigned), x (0x hex), o (0-prefixed octal). */
  | {
    k: 'int'; v: bigint; fmt?: 'd' | 'u' | 'x' | 'o';
    /** -Y: a pid's process name, as /proc/PID/comm gave it (`1234<sh>`). */
    comm?: Uint8Array;
    /** --decode-pids=pidns: the pid as sysray's PID namespace numbers it, when not the same. */
    nsPid?: number;
  }
  /**
   * A named constant (AT_FDCWD, SEEK_SET, SIGCHLD, …). `v` is the raw number; `fmt` its base for -X raw;
   * `raw`, when set, prints instead of the number with -X raw/verbose (UTIME_NOW's whole timespec).
   */
  | { k: 'sym'; name: string; v: bigint; fmt?: 'x'; raw?: Value }
  /**
   * A bit set: known names, then leftover bits (printed as hex) — `O_RDONLY|O_CLOEXEC`, `0`. `noDflt`:
   * strace printed it with no default, so -X raw prints nothing at all for 0 (statx's sync type).
   */
  | { k: 'flags'; names: string[]; rest: bigint; v: bigint; noDflt?: true }
  /** Bytes from tracee memory, printed quoted and escaped; `trunc` adds `...`. */
  | { k: 'str'; b: Uint8Array; trunc?: boolean; hex?: boolean }
  /** A pointer: NULL or 0x…; `bad` marks an address whose memory could not be read. */
  | { k: 'ptr'; v: bigint; bad?: boolean }
  /** A struct: named fields in order (`{a=1, b=2}`); an unnamed field prints its value alone; `more` adds `...`. */
  | { k: 'struct'; fields: Field[]; more?: boolean }
  /** An array `[a, b]`; `more` adds `...` as the last item. */
  | { k: 'array'; items: Value[]; more?: boolean; tail?: ArrayTail }
  /** A signal set `[HUP INT]`, or its complement `~[RTMIN RT_1]`. */
  | { k: 'sigset'; names: string[]; inverted?: boolean }
  /** A function-call-like form: `makedev(0x1, 0x3)`, `htons(8080)`, `inet_addr("127.0.0.1")`. */
  | { k: 'call'; fn: string; args: Value[] }
  /** A value followed by a C comment: `0x7ffd… /* 20 vars *\/`. */
  | { k: 'note'; v: Value; text: string; /** An xlat's `XXX_???` default: -X raw drops it. */ xlat?: true }
  /** A bare token strace prints as-is (`...`, `?`, an operator form such as `1<<FOO`). */
  | { k: 'tok'; text: string }
  /**
   * Several values joined by a separator: `SIGTERM|0x80`, `S_IFREG|0644`. `v`: the one number the
   * parts name together (printed instead with -X raw, and before them with -X verbose).
   */
  | { k: 'join'; sep: string; parts: Value[]; v?: bigint; fmt?: 'x' | 'o' }
  /**
   * A file descriptor, with what it names when known (for -y: `3</etc/passwd>`). `label` prints
   * instead of the number (`AT_FDCWD</tmp>`).
   */
  | {
    k: 'fd'; fd: number; path?: Uint8Array; label?: string; detail?: FdDetail; dev?: string; deleted?: boolean;
    /** An fd of another process: the one the tracee's pidfd `pidfd` refers to (pidfd_getfd's target). */
    pidfd?: number;
  }
  /** A value annotated with `=>`: in/out values such as `[128 => 16]`. */
  | { k: 'inout'; in: Value; out: Value }
  /**
   * A value strace prints differently per -X style in ways the other kinds do not capture:
   * `abbrev` by default (`htons(80)`), `raw` with -X raw (the bytes, `"\x00\x50"`; `tok('')` prints
   * nothing), and with -X verbose `verbose`, else `raw /* abbrev *\/`.
   */
  | { k: 'styled'; abbrev: Value; raw: Value; verbose?: Value };

/**
 * -yy: what a socket or pidfd is, printed instead of its path: `text`, then for a unix socket with
 * a name `,"path"` (`,@"name"` when abstract) and `post`.
 */
export interface FdDetail {
  text: string; path?: Uint8Array; abstract?: boolean; post?: string;
  /** -Y: a pidfd's process name, after its `pid:N`. */
  comm?: Uint8Array;
}

export interface Field {
  /** Field name; omitted for positional members. */
  n?: string;
  v: Value;
}

// ---- small constructors, so decoders read like the output they describe ----

export const int = (v: bigint | number, fmt?: 'd' | 'u' | 'x' | 'o'): Value =>
  fmt ? { k: 'int', v: BigInt(v), fmt } : { k: 'int', v: BigInt(v) };
export const hex = (v: bigint | number): Value => ({ k: 'int', v: BigInt(v), fmt: 'x' });
export const oct = (v: bigint | number): Value => ({ k: 'int', v: BigInt(v), fmt: 'o' });
export const uint = (v: bigint | number): Value => ({ k: 'int', v: BigInt(v), fmt: 'u' });
export const sym = (name: string, v: bigint | number): Value => ({ k: 'sym', name, v: BigInt(v) });
export const badPtr = (v: bigint): Value => ({ k: 'ptr', v, bad: true });
export const tok = (text: string): Value => ({ k: 'tok', text });
export const note = (v: Value, text: string): Value => ({ k: 'note', v, text });
export const call = (fn: string, ...args: Value[]): Value => ({ k: 'call', fn, args });
export const join = (sep: string, ...parts: Value[]): Value => ({ k: 'join', sep, parts });
/** A join of parts that together name the number `v` (mmap flags, socket type, …). */
export const joinOf = (v: bigint, sep: string, ...parts: Value[]): Value => ({ k: 'join', sep, parts, v });
/** The same, for a number strace prints in octal with -X raw (a file mode). */
export const joinOct = (v: bigint, sep: string, ...parts: Value[]): Value => ({ k: 'join', sep, parts, v, fmt: 'o' });
export const struct = (fields: Field[], more?: boolean): Value =>
  more ? { k: 'struct', fields, more } : { k: 'struct', fields };
export const field = (n: string, v: Value): Field => ({ n, v });
/**
 * The rest of an array too long to hold (-v on a huge array: strace prints every element as it
 * reads it): its elements made one by one as the line is written, while the tracee is still stopped.
 * Iterated once; printed after `items`, each element after `, `.
 */
export interface ArrayTail {
  each(visit: (v: Value) => void): void;
}
export const array = (items: Value[], more?: boolean): Value =>
  more ? { k: 'array', items, more } : { k: 'array', items };
export const fdv = (fd: number): Value => ({ k: 'fd', fd });
export const MORE: Value = { k: 'tok', text: '...' };
