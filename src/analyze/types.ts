/**
 * The effects model: what a traced run did to the system, per process and for the whole run. Plain
 * data (JSON-serialisable); times are ns since the Unix epoch as decimal strings, like the events'.
 */

/** How a process ended: its exit code, or the signal that killed it. */
export type ExitStatus = { code: number } | { signal: string; coreDumped: boolean };

/** One successful execve: the program the process became. */
export interface ExecEffect {
  time: string;
  /** The program's path, resolved against the cwd (as given when the cwd is unknown). */
  path: string;
  argv: string[];
  /** -s cut an argument or the list short (record with a larger stringLimit to see it all). */
  argvTruncated?: true;
}

/** A file or directory, by path, and what the run did to it. */
export interface FileEffects {
  /** Absolute path, resolved as the kernel would; relative only when the cwd was unknown. */
  path: string;
  /** The processes that touched it (top-level list), or the one process (per-process lists). */
  pids: number[];
  /** Successful opens, and the distinct flag sets they used (`O_WRONLY|O_CREAT|O_TRUNC`). */
  opens: number;
  openFlags: string[];
  /** Opened for reading (a file, not a directory), or data read from it. */
  read: boolean;
  /** Opened for writing or truncated, or data written to it. */
  written: boolean;
  bytesRead: number;
  bytesWritten: number;
  /** The trace proves it was created (O_EXCL, mkdir, mknod, link/symlink, or after it was deleted). */
  created: boolean;
  /** Opened with O_CREAT without O_EXCL: created if it did not exist before (the trace cannot tell). */
  mayHaveCreated: boolean;
  deleted: boolean;
  /** rename: the paths it was renamed to, and the paths renamed onto it. */
  renamedTo: string[];
  renamedFrom: string[];
  /** Its mode, owner or times changed (chmod, chown, utimensat…). */
  metadataChanged: boolean;
  /** A directory whose entries were read (getdents), and how many entries were returned. */
  listed: boolean;
  entriesListed: number;
  /** Known to be a directory (mkdir, rmdir, opened with O_DIRECTORY, listed). */
  directory: boolean;
  /** Run as a program (a successful execve). */
  executed: boolean;
  /** A few of the syscalls behind this entry, as strace lines (reconstructed from the events). */
  lines: string[];
}

/** A socket: its kind, its addresses and what went through it. */
export interface SocketEffects {
  pid: number;
  /** The fd it got when created or accepted. */
  fd: number;
  family: string;
  /** SOCK_STREAM, SOCK_DGRAM… (`?` for an accepted socket whose listener was not seen). */
  type: string;
  protocol?: string;
  /** `127.0.0.1:8080`, `[::1]:443`, `/run/x.sock`, `@abstract`. */
  local?: string;
  remote?: string;
  /** Addresses datagrams were sent to or received from (sendto, recvfrom, sendmsg, recvmsg). */
  peers: string[];
  /** What was done with it, in order of first occurrence. */
  ops: ('connect' | 'bind' | 'listen' | 'accept' | 'accepted')[];
  /** connect failed (other than EINPROGRESS): the errno. */
  connectError?: string;
  bytesSent: number;
  bytesReceived: number;
  lines: string[];
}

/** One fd's life in one process: where it came from, what used it, how it ended. */
export interface FdLifecycle {
  fd: number;
  /** What it refers to: a path, `socket:[AF_INET SOCK_STREAM]`, `pipe`, or the call that made it. */
  target: string;
  /** The call that made it (`openat`, `dup2`, `accept`…), `fork` when inherited from the parent, `inherited` when it was open before the trace saw it. */
  openedBy: string;
  opened: string | null;
  /** Syscalls that used it between open and close. */
  uses: number;
  cloexec: boolean;
  /** How it ended: `close`, `close_range`, `dup2` (replaced), `exec` (close-on-exec), or null when still open at exit. */
  closedBy: string | null;
  closed: string | null;
  /** Still open when the process ended (or when the trace ended). */
  openAtExit: boolean;
}

/** Failed syscalls of one kind. */
export interface ErrorEffects {
  syscall: string;
  errno: string;
  count: number;
  /** The first path involved, if any. */
  example?: string;
  line: string;
  pids: number[];
}

/** One of the slowest syscalls. */
export interface SlowCall {
  pid: number;
  syscall: string;
  durationNs: number;
  time: string;
  line: string;
}

export interface ProcessEffects {
  pid: number;
  /** The process that forked it, or null (the started command, an attached one, or a fork not seen). */
  parent: number | null;
  /** Its other threads (tids). */
  threads: number[];
  /** The argv of its current program (the last exec, else its parent's at fork); null if unknown. */
  argv: string[] | null;
  exec: ExecEffect[];
  /** When it became traced and when it ended (null: still running or detached). */
  start: string | null;
  end: string | null;
  exit: ExitStatus | null;
  /** Its working directory when the trace ended (null: unknown). */
  cwd: string | null;
  syscalls: number;
  files: FileEffects[];
  sockets: SocketEffects[];
  fds: FdLifecycle[];
  errors: ErrorEffects[];
}

export interface Effects {
  /** In order of first appearance. */
  processes: ProcessEffects[];
  /** Every file of every process, merged by path, in order of first touch. */
  files: FileEffects[];
  /** Every socket of every process, in order of creation. */
  sockets: SocketEffects[];
  /** Name-service files read (/etc/resolv.conf, /etc/hosts, /etc/nsswitch.conf…): lookups happened. */
  dnsFiles: string[];
  errors: ErrorEffects[];
  /** The slowest syscalls, slowest first. */
  slowest: SlowCall[];
  /** What the model could not know from this trace, in sentences (empty when complete). */
  incomplete: string[];
}
