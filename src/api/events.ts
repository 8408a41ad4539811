/**
 * The events sysray hands out, as data: exactly the objects `sysray --json` writes, one per line
 * (docs/json.md documents the same schema; src/render/json.ts produces it). The API, the effects
 * model, replay and the report all read these, so a recording and a live trace look the same.
 *
 * Integers beyond ±2^53 (times in ns since the epoch, addresses) are decimal strings; use
 * `BigInt(x)` to compute with them.
 */

/** A JSON integer: a number when exact, else its decimal string. */
export type JsonInt = number | string;

/** A decoded argument or result detail. `note` is what strace prints as a C comment after it. */
export type JsonValue = (
  | {
    kind: 'int'; value: JsonInt; format?: 'x' | 'o' | 'u'; comm?: string;
    /** With --decode-pids=pidns: a pid of another PID namespace as sysray's numbers it. */
    nsPid?: number;
  }
  | { kind: 'const'; name: string; value: JsonInt }
  | { kind: 'flags'; names: string[]; rest?: JsonInt; value: JsonInt }
  | { kind: 'string'; text?: string; hex?: string; truncated?: true; hexOnly?: true }
  | { kind: 'pointer'; value: JsonInt; unreadable?: true }
  | {
    kind: 'struct'; fields: { [name: string]: JsonValue }; positional?: JsonValue[];
    /** Where each positional member stands among all members (0-based), in order. */
    positionalAt?: number[]; truncated?: true;
  }
  | { kind: 'array'; items: JsonValue[]; truncated?: true }
  | { kind: 'sigset'; signals: string[]; inverted?: true }
  | { kind: 'call'; fn: string; args: JsonValue[] }
  | { kind: 'token'; text: string }
  | { kind: 'join'; sep: string; parts: JsonValue[] }
  | {
    kind: 'fd'; fd: number; name?: string; path?: string; deleted?: true; device?: string;
    detail?: string; comm?: string;
  }
  | { kind: 'inout'; in: JsonValue; out: JsonValue }
) & { note?: string };

interface Common {
  /** Wall-clock time, ns since the Unix epoch (a decimal string: it exceeds 2^53). */
  time: JsonInt;
  pid: number;
  /** With -Y (`decodePids`): the name of the process the event happened in. */
  comm?: string;
  /** With --explain: what the event did, in a plain sentence (syscalls, signals, exits). */
  explain?: string;
}

/** A syscall, written once it returned (or, for one that never returns, when its process ended). */
export interface SyscallJson extends Common {
  type: 'syscall';
  /** The syscall number on the tracee's architecture. */
  nr: number;
  name: string;
  args: JsonValue[];
  /** A call with an exit part: how many of `args` were known (and printed) at entry. */
  entryArgs?: number;
  /** The call returned, but its result could not be read: its process was killed at that moment (`= ? <unavailable>`). */
  unavailable?: true;
  /** The process died while stopped in the call (killed at a syscall stop): the call has no end (` <unfinished ...>`, no result). */
  died?: true;
  /** The raw return value, or null when the call never returned (exit_group, a successful execve's old image). */
  ret: JsonInt | null;
  /** On failure: the errno's name (`"ENOENT"`), or its number when it has none. */
  errno?: string | number;
  /** How strace prints the result: hex, octal, unsigned or an fd; absent for signed decimal. */
  retFormat?: 'x' | 'o' | 'u' | 'fd' | 'none';
  /** What strace prints in parentheses after the result (`(Timeout)`, `(flags FD_CLOEXEC)`). */
  retDetail?: JsonValue;
  /** -y: the path a returned fd names. */
  retPath?: string;
  /** -y/-yy: the returned fd, annotated. */
  retFd?: JsonValue;
  /** -Y: the name of the process a returned pid stands for. */
  retComm?: string;
  /** --decode-pids=pidns: a returned pid of another PID namespace as sysray's numbers it. */
  retNsPid?: number;
  /** -e inject=/fault= made this result up. */
  injected?: true;
  /** -e inject=…:poke_enter=/poke_exit= wrote into the call's arguments. */
  poked?: true;
  /** -e inject=…:delay_enter=/delay_exit= held the call back. */
  delayed?: true;
  durationNs: JsonInt;
  /** -i: the instruction pointer when the call returned. */
  ip?: JsonInt;
  /** -k: the stack the call was made from, innermost frame first. */
  stack?: StackFrameJson[];
}

/**
 * -k: one frame (strace -k's ` > file(symbol+0xoffset) [0xpc]`): the mapped file, the nearest
 * function symbol below the frame's address and how far past it, and the address as an offset into
 * the file (the same in every run, unlike the address). `symbol` is absent when the file names none
 * ('' for the stack of a call that never returned, printed `(+0x0)` as strace does). A frame the
 * walk could not place has only `error` (and `pc`, the raw address, when there was one).
 */
export interface StackFrameJson { file?: string; symbol?: string; offset?: JsonInt; pc?: JsonInt; error?: string }

export interface SignalJson extends Common {
  type: 'signal'; signal: string; siginfo?: JsonValue;
  /** -k: the stack the signal interrupted. */
  stack?: StackFrameJson[];
}
/** A group-stop: `--- stopped by SIGSTOP ---`. */
export interface StoppedJson extends Common { type: 'stopped'; signal: string }
export interface ExitJson extends Common { type: 'exit'; code: number }
export interface KilledJson extends Common { type: 'killed'; signal: string; coreDumped: boolean }
/** Something sysray itself said about a tracee (`exec: Permission denied`). */
export interface MessageJson extends Common { type: 'message'; text: string }
/** The process's syscalls now come in another personality (`mode`: `"32 bit"`, `"64 bit"`). */
export interface PersonalityJson extends Common { type: 'personality'; mode: string }
/** A process became traced: the started command, a followed child, or one attached with -p. */
export interface AttachJson extends Common {
  type: 'attach';
  how: 'start' | 'child' | 'attach';
  /** The working directory when it became traced (absent for a followed child, which inherits it). */
  cwd?: string;
}
/** A process is no longer traced and goes on running. */
export interface DetachJson extends Common { type: 'detach' }
/** A non-leader thread `oldPid` called execve and now runs as `pid`. */
export interface SupersededJson extends Common { type: 'superseded'; oldPid: number }

/** One event of a trace: one line of `sysray --json`. */
export type TraceEvent =
  | SyscallJson
  | SignalJson
  | StoppedJson
  | ExitJson
  | KilledJson
  | MessageJson
  | PersonalityJson
  | AttachJson
  | DetachJson
  | SupersededJson;
