/**
 * --explain: a plain sentence for each event a trace shows, built from its decoded arguments and
 * result. Pure. The sentences live in one table keyed by syscall name (sentences/*.ts, one module
 * per family); a syscall without its own sentence gets a generic one.
 */
import type { Event, SignalEvent } from '../model.js';
import { signalDescription } from '../decode/xlat/signals.js';
import { Call, field, num, symOf, why, type Sentence } from './words.js';
import { errnoName } from '../decode/xlat/errno.js';
import { DESC } from './sentences/desc.js';
import { FILE } from './sentences/file.js';
import { MEMORY } from './sentences/memory.js';
import { NET } from './sentences/net.js';
import { PROCESS } from './sentences/process.js';
import { SIGNAL } from './sentences/signal.js';
import { TIME } from './sentences/time.js';
import { referenceOf } from './reference.js';

/** Every syscall with a sentence of its own, by name. */
export const SENTENCES: ReadonlyMap<string, Sentence> = new Map(
  [FILE, DESC, NET, PROCESS, SIGNAL, MEMORY, TIME].flatMap((t) => Object.entries(t)),
);

/**
 * The mark that starts an explanation line in strace-format output. No strace line can start so
 * (they start with a pid, `[pid`, a time, a syscall name, `---`, `+++` or a space), so a parser of
 * strace's output skips these lines by their first two characters.
 */
export const EXPLAIN_MARK = '# ';

/**
 * What a syscall without its own sentence gets: the reference's one-line description (loaded only
 * now, as --describe loads it), and what it returned.
 */
function generic(c: Call): string {
  const what = referenceOf(c.name)?.summary;
  if (!what) return c.say(`called ${c.name}, which returned ${c.rv}`, `call ${c.name}`);
  if (c.ret?.errno) return `${c.name} (${what}) failed: ${why(c.ret.errno)}${errnoName(c.ret.errno) ? ` (${errnoName(c.ret.errno)})` : ''}`;
  return c.say(`${c.name}: ${what} → ${c.rv}`, `${c.name} (${what})`);
}

/** si_code values as what caused a signal. */
const CAUSES: Record<string, string> = {
  SI_USER: 'sent by kill()', SI_TKILL: 'sent by tgkill()', SI_QUEUE: 'queued by sigqueue()', SI_KERNEL: 'sent by the kernel',
  SI_TIMER: 'a POSIX timer expired', SI_ASYNCIO: 'asynchronous I/O completed',
  SEGV_MAPERR: 'the address is not mapped', SEGV_ACCERR: 'the memory does not allow that access',
  BUS_ADRALN: 'a misaligned address', BUS_ADRERR: 'the address does not exist (beyond the end of a mapped file?)',
  FPE_INTDIV: 'an integer division by zero', ILL_ILLOPN: 'an illegal operand', ILL_ILLOPC: 'an illegal opcode',
  TRAP_BRKPT: 'a breakpoint', TRAP_TRACE: 'a trace trap',
};

function signalWords(ev: SignalEvent): string {
  const what = `${ev.name} (${signalDescription(ev.sig).toLowerCase()}) arrived`;
  const info = ev.info;
  const code = symOf(field(info, 'si_code'));
  const pid = num(field(info, 'si_pid'));
  if (code === 'CLD_EXITED') return `${what}: child ${pid ?? '?'} exited with status ${num(field(info, 'si_status')) ?? '?'}`;
  if (code === 'CLD_KILLED' || code === 'CLD_DUMPED') return `${what}: child ${pid ?? '?'} was killed by ${symOf(field(info, 'si_status')) ?? 'a signal'}`;
  if (code === 'CLD_STOPPED' || code === 'CLD_TRAPPED') return `${what}: child ${pid ?? '?'} stopped`;
  if (code === 'CLD_CONTINUED') return `${what}: child ${pid ?? '?'} continued`;
  const addr = num(field(info, 'si_addr'));
  if (code && CAUSES[code]) {
    const from = (code === 'SI_USER' || code === 'SI_TKILL' || code === 'SI_QUEUE') && pid !== undefined ? ` from process ${pid}` : '';
    const at = addr !== undefined ? ` at address 0x${addr.toString(16)}` : '';
    return `${what}: ${CAUSES[code]}${from}${at}`;
  }
  return what;
}

/** The sentence for one event, or undefined for events that print nothing to explain. */
export function explain(ev: Event): string | undefined {
  switch (ev.type) {
    case 'syscall': {
      const c = new Call(ev.name, ev.args, ev.ret);
      const own = SENTENCES.get(ev.name);
      if (!own) return generic(c);
      try {
        return own(c);
      } catch {
        // a sentence that trips over a value no test produced must not end the trace it explains
        return generic(c);
      }
    }
    case 'signal': return signalWords(ev);
    case 'stopped': return `the process stopped on ${ev.name} (it waits for SIGCONT)`;
    case 'exit': return `process ${ev.pid} ended with exit status ${ev.code}${ev.code === 0 ? ' (success)' : ' (failure)'}`;
    case 'killed': return `process ${ev.pid} was killed by ${ev.name} (${signalDescription(ev.sig).toLowerCase()})${ev.core ? ', leaving a core dump' : ''}`;
    default: return undefined;
  }
}

/** An event's explanation as the text output prints it: a marked line, or '' when it has none. */
export function explanationLine(ev: Event): string {
  const s = explain(ev);
  return s === undefined ? '' : EXPLAIN_MARK + s + '\n';
}

/** True when `name` has a sentence built from its own arguments (not the generic one). */
export const hasSentence = (name: string): boolean => SENTENCES.has(name);
