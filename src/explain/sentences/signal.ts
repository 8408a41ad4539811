/** Explanations for signal calls: handlers, masks, waiting for signals, alternate stacks. */
import type { Value } from '../../decode/value.js';
import { Call, duration, field, isNull, names, num, symOf, type Sentence } from '../words.js';

/** A signal set as words: `SIGINT SIGTERM`, `every signal but SIGKILL`, `no signal`. */
export function sigset(v: Value | undefined): string {
  if (v?.k === 'sigset') {
    if (v.inverted && v.names.length === 0) return 'every signal';
    const list = v.names.map((n) => (/^[0-9]/.test(n) || n.startsWith('SIG') ? n : 'SIG' + n)).join(' ');
    if (v.inverted) return `every signal but ${list}`;
    return list || 'no signal';
  }
  if (v?.k === 'ptr') return v.v === 0n ? 'nothing' : 'an unreadable set';
  return 'a set of signals';
}

/** What a sigaction struct installs: the default action, ignoring, or a handler. */
function actionWords(act: Value | undefined): string | undefined {
  const h = field(act, 'sa_handler');
  if (!h) return undefined;
  const n = names(h)[0];
  if (n === 'SIG_DFL') return 'the default action';
  if (n === 'SIG_IGN') return 'ignoring it';
  const addr = num(h);
  const restart = names(field(act, 'sa_flags')).includes('SA_RESTART') ? ', restarting interrupted calls' : '';
  return `the handler at 0x${(addr ?? 0n).toString(16)}${restart}`;
}

function sigaction(c: Call): string {
  const sig = symOf(c.a(0)) ?? `signal ${c.n(0)}`;
  if (!isNull(c.a(1))) return c.say(`set what ${sig} does: ${actionWords(c.a(1)) ?? 'a new action'}`, `set the action for ${sig}`, sig);
  return c.say(`asked what ${sig} does now: ${actionWords(c.a(2)) ?? 'its current action'}`, `read the action for ${sig}`, sig);
}

function sigprocmask(c: Call): string {
  const how = symOf(c.a(0));
  const set = c.a(1);
  if (set.k === 'ptr' && set.v === 0n) return c.say(`asked which signals it blocks: ${sigset(c.a(2))}`, 'read its blocked signals');
  const s = sigset(set);
  if (how === 'SIG_SETMASK' && set.k === 'sigset' && !set.inverted && set.names.length === 0) {
    return c.say(`unblocked every signal${c.a(2).k === 'sigset' ? ` (it had blocked ${sigset(c.a(2))})` : ''}`, 'unblock its signals');
  }
  const what = how === 'SIG_BLOCK' ? `blocked ${s} (they wait until unblocked)` : how === 'SIG_UNBLOCK' ? `unblocked ${s}` : `set its blocked signals to ${s}`;
  return c.say(what, 'change its blocked signals');
}

export const SIGNAL: Record<string, Sentence> = {
  rt_sigaction: sigaction,
  rt_sigprocmask: sigprocmask,
  rt_sigreturn: (c) => `returned from a signal handler to where it was interrupted, blocking ${sigset(field(c.a(0), 'mask'))} again`,
  rt_sigsuspend: (c) => c.say('waited for a signal with the given mask', `wait for a signal other than ${sigset(c.a(0))}`),
  rt_sigtimedwait: (c) => c.say(`waited for one of ${sigset(c.a(0))}${duration(c.a(2)) ? ` for up to ${duration(c.a(2))}` : ''}: got signal ${c.rv}`, `wait for ${sigset(c.a(0))}`),
  rt_sigpending: (c) => c.say(`asked which blocked signals are waiting: ${sigset(c.a(0))}`, 'read its pending signals'),
  rt_sigqueueinfo: (c) => c.say(`queued ${symOf(c.a(1)) ?? 'a signal'} with data for process ${c.n(0)}`, 'queue a signal'),
  rt_tgsigqueueinfo: (c) => c.say(`queued ${symOf(c.a(2)) ?? 'a signal'} with data for thread ${c.n(1)}`, 'queue a signal'),
  sigaltstack: (c) => {
    const ss = c.a(0);
    if (ss.k === 'ptr' && ss.v === 0n) return c.say('asked where its signal stack is', 'read its signal stack');
    return c.say(names(field(ss, 'ss_flags')).includes('SS_DISABLE') ? 'turned off its alternate signal stack' : `set up an alternate stack of ${num(field(ss, 'ss_size')) ?? '?'} bytes for signal handlers`, 'set its signal stack');
  },
  pause: (c) => c.say('slept until a signal arrived', 'pause'),
  alarm: (c) => c.say(c.n(0) === 0n ? 'cancelled its alarm' : `asked for SIGALRM in ${c.n(0)} s${c.rv ? ` (an earlier alarm had ${c.rv} s left)` : ''}`, 'set an alarm'),
};
