/**
 * Signal names as strace 6.1 prints them on x86_64, glibc's descriptions, and strace's
 * signal-set notation.
 *
 * Rules (strace 6.1 src/signal.c, src/linux/generic/signalent.h; checked against /usr/bin/strace):
 * - A signal number prints as its name: 1..31 SIGHUP..SIGSYS (29 is SIGIO, never SIGPOLL;
 *   6 is SIGABRT, never SIGIOT; 16 is SIGSTKFLT), 32 is SIGRTMIN (strace's table has it even
 *   though glibc keeps 32 and 33 for itself), 33..64 are SIGRT_1..SIGRT_32 (n - 32).
 * - Anything else (0, negative, >= 65) prints as the plain decimal number: `kill(1, 0)`,
 *   `kill(1, 65)`, `kill(1, -3)`.
 * - A sigset prints as `[NAME NAME]` in ascending signal order with the SIG prefix dropped
 *   (`[INT TERM]`, `[RTMIN RT_1 RT_32]`), `[]` when empty. When at least 2/3 of the set's bits are
 *   set (popcount >= words*32*2/3 with words = ceil(min(bytes, 8)/4): 42 of 64 for the usual
 *   8-byte set, 21 of 32 for a 4-byte one) strace prints the complement instead: `~[KILL STOP]`,
 *   and `~[]` for a full set.
 */

/** Signal number → strace's name, 1..32 (x86_64). */
export const SIGNAL_NAMES: Readonly<Record<number, string>> = {
  1: 'SIGHUP',
  2: 'SIGINT',
  3: 'SIGQUIT',
  4: 'SIGILL',
  5: 'SIGTRAP',
  6: 'SIGABRT',
  7: 'SIGBUS',
  8: 'SIGFPE',
  9: 'SIGKILL',
  10: 'SIGUSR1',
  11: 'SIGSEGV',
  12: 'SIGUSR2',
  13: 'SIGPIPE',
  14: 'SIGALRM',
  15: 'SIGTERM',
  16: 'SIGSTKFLT',
  17: 'SIGCHLD',
  18: 'SIGCONT',
  19: 'SIGSTOP',
  20: 'SIGTSTP',
  21: 'SIGTTIN',
  22: 'SIGTTOU',
  23: 'SIGURG',
  24: 'SIGXCPU',
  25: 'SIGXFSZ',
  26: 'SIGVTALRM',
  27: 'SIGPROF',
  28: 'SIGWINCH',
  29: 'SIGIO',
  30: 'SIGPWR',
  31: 'SIGSYS',
  32: 'SIGRTMIN',
};

/**
 * glibc 2.36 strsignal() texts (x86_64) for 1..64. glibc reserves 32 and 33, so they are
 * `Unknown signal 32`/`33`, and its real-time numbering starts at 34 (`Real-time signal 0`).
 */
export const SIGNAL_DESCRIPTIONS: Readonly<Record<number, string>> = {
  1: 'Hangup',
  2: 'Interrupt',
  3: 'Quit',
  4: 'Illegal instruction',
  5: 'Trace/breakpoint trap',
  6: 'Aborted',
  7: 'Bus error',
  8: 'Floating point exception',
  9: 'Killed',
  10: 'User defined signal 1',
  11: 'Segmentation fault',
  12: 'User defined signal 2',
  13: 'Broken pipe',
  14: 'Alarm clock',
  15: 'Terminated',
  16: 'Stack fault',
  17: 'Child exited',
  18: 'Continued',
  19: 'Stopped (signal)',
  20: 'Stopped',
  21: 'Stopped (tty input)',
  22: 'Stopped (tty output)',
  23: 'Urgent I/O condition',
  24: 'CPU time limit exceeded',
  25: 'File size limit exceeded',
  26: 'Virtual timer expired',
  27: 'Profiling timer expired',
  28: 'Window changed',
  29: 'I/O possible',
  30: 'Power failure',
  31: 'Bad system call',
  32: 'Unknown signal 32',
  33: 'Unknown signal 33',
  34: 'Real-time signal 0',
  35: 'Real-time signal 1',
  36: 'Real-time signal 2',
  37: 'Real-time signal 3',
  38: 'Real-time signal 4',
  39: 'Real-time signal 5',
  40: 'Real-time signal 6',
  41: 'Real-time signal 7',
  42: 'Real-time signal 8',
  43: 'Real-time signal 9',
  44: 'Real-time signal 10',
  45: 'Real-time signal 11',
  46: 'Real-time signal 12',
  47: 'Real-time signal 13',
  48: 'Real-time signal 14',
  49: 'Real-time signal 15',
  50: 'Real-time signal 16',
  51: 'Real-time signal 17',
  52: 'Real-time signal 18',
  53: 'Real-time signal 19',
  54: 'Real-time signal 20',
  55: 'Real-time signal 21',
  56: 'Real-time signal 22',
  57: 'Real-time signal 23',
  58: 'Real-time signal 24',
  59: 'Real-time signal 25',
  60: 'Real-time signal 26',
  61: 'Real-time signal 27',
  62: 'Real-time signal 28',
  63: 'Real-time signal 29',
  64: 'Real-time signal 30',
};

/** The kernel's lowest and highest real-time signal on x86_64. */
export const SIGRTMIN = 32;
export const SIGRTMAX = 64;

/** strace's name for signal `n`, or undefined where strace prints a bare number. */
export function signalName(n: number): string | undefined {
  if (!Number.isInteger(n) || n <= 0) return undefined;
  if (n <= SIGRTMIN) return SIGNAL_NAMES[n];
  if (n <= SIGRTMAX) return `SIGRT_${n - SIGRTMIN}`;
  return undefined;
}

/** A signal number exactly as strace prints it: `SIGINT`, `SIGRTMIN`, `SIGRT_5`, else `65`. */
export function signame(n: number): string {
  return signalName(n) ?? String(n);
}

/** glibc's strsignal() text for `n`. */
export function signalDescription(n: number): string {
  return SIGNAL_DESCRIPTIONS[n] ?? `Unknown signal ${n}`;
}

/**
 * Signal number for a name as strace parses one (`-e signal=`): case-insensitive, `SIG` prefix
 * optional (`INT`, `sigint`, `RTMIN`, `RT_3`), or a decimal number up to 255.
 */
export function signalByName(name: string): number | undefined {
  if (/^[0-9]/.test(name)) {
    if (!/^[0-9]+$/.test(name)) return undefined;
    const v = Number(name);
    return v <= 255 ? v : undefined;
  }
  let s = name.toUpperCase();
  if (s.startsWith('SIG')) s = s.slice(3);
  for (let i = 1; i <= SIGRTMAX; i++) {
    if (signalName(i)!.slice(3) === s) return i;
  }
  return undefined;
}

/** The name of signal `n` inside a sigset: without `SIG`; a number if strace has no name. */
function setMemberName(n: number): string {
  const name = signalName(n);
  return name === undefined ? String(n) : name.slice(3);
}

/**
 * Members of a signal set as strace lists them, given the set's bytes as a little-endian integer
 * (bit 0 = signal 1). `bytes` is the size strace read (8 for rt_sig* syscalls on x86_64; capped
 * at 8). If `inverted`, `names` are the signals NOT in the set and strace prefixes `~`.
 */
export function sigsetNames(mask: bigint, bytes = 8): { names: string[]; inverted: boolean } {
  const words = Math.ceil(Math.min(bytes, 8) / 4);
  const nbits = words * 32;
  const all = (1n << BigInt(nbits)) - 1n;
  let m = BigInt.asUintN(nbits, mask);
  let pop = 0;
  for (let x = m; x !== 0n; x &= x - 1n) pop++;
  const inverted = pop >= Math.floor((nbits * 2) / 3);
  if (inverted) m = ~m & all;
  const names: string[] = [];
  for (let i = 0; i < nbits; i++) {
    if ((m >> BigInt(i)) & 1n) names.push(setMemberName(i + 1));
  }
  return { names, inverted };
}

/** A signal set exactly as strace prints it: `[INT TERM]`, `~[KILL STOP]`, `[]`, `~[]`. */
export function sprintSigmask(mask: bigint, bytes = 8): string {
  const { names, inverted } = sigsetNames(mask, bytes);
  return `${inverted ? '~' : ''}[${names.join(' ')}]`;
}
