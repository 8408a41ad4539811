/**
 * -d: the engine's own log on stderr, in strace 6.1's words where its test suite looks for them
 * (strace.c's debug_msg lines and print_debug_info's wait statuses).
 */
import { PTRACE, PTRACE_EVENT, ptrace, WCOREDUMP, WEXITSTATUS, WIFEXITED, WIFSIGNALED, WIFSTOPPED, WSTOPSIG, WTERMSIG } from '../sys/ptrace.js';
import { signame } from '../decode/xlat/signals.js';
import { errnoMessage } from '../decode/xlat/errno.js';

const ESRCH = 3;

/**
 * What -d says as tracing starts: the ptrace options, and whether PTRACE_GET_SYSCALL_INFO works
 * (else syscall stops are read from registers): asked of no process at all, it must say "no such
 * process"; a seccomp filter on sysray, or a kernel before 5.3, answers otherwise, which strace names.
 */
export function debugStartLines(ptraceOptions: number): string[] {
  const r = ptrace(PTRACE.GET_SYSCALL_INFO, 0, 0, 0);
  const failed = r !== -ESRCH && r < 0 ? [`PTRACE_GET_SYSCALL_INFO: ${errnoMessage(-r)}`] : [];
  return [`ptrace_setoptions = 0x${ptraceOptions.toString(16)}`, ...failed, `PTRACE_GET_SYSCALL_INFO ${r === -ESRCH ? 'works' : 'does not work'}`];
}

/** strace names a signal number it knows, and prints any other (such as SIGTRAP|0x80) as a number. */
function sigText(sig: number): string {
  const n = signame(sig);
  return n.startsWith('SIG') ? n : String(sig);
}

const EVENT_NAMES: Readonly<Record<number, string>> = Object.fromEntries(Object.entries(PTRACE_EVENT).map(([k, v]) => [v, k]));

/** One waitpid result: `[wait(0x00057f) = 42] WIFSTOPPED,sig=SIGTRAP,EVENT_STOP (128)`. */
export function debugWaitLine(pid: number, status: number): string {
  let what = '???';
  if (WIFSIGNALED(status)) what = `WIFSIGNALED,${WCOREDUMP(status) ? 'core,' : ''}sig=${sigText(WTERMSIG(status))}`;
  if (WIFEXITED(status)) what = `WIFEXITED,exitcode=${WEXITSTATUS(status)}`;
  if (WIFSTOPPED(status)) what = `WIFSTOPPED,sig=${sigText(WSTOPSIG(status))}`;
  const event = status >>> 16;
  const ev = event ? `,EVENT_${EVENT_NAMES[event] ?? '??'} (${event})` : '';
  return `[wait(0x${status.toString(16).padStart(6, '0')}) = ${pid}] ${what}${ev}`;
}
