/** Explanations for clock and timer calls: reading clocks, sleeping, interval timers. */
import { Call, duration, field, num, symOf, type Sentence } from '../words.js';

const CLOCKS: Record<string, string> = {
  CLOCK_REALTIME: 'the wall clock', CLOCK_MONOTONIC: 'the monotonic clock', CLOCK_BOOTTIME: 'the time since boot',
  CLOCK_PROCESS_CPUTIME_ID: "the process's CPU time", CLOCK_THREAD_CPUTIME_ID: "the thread's CPU time",
  CLOCK_MONOTONIC_RAW: 'the raw monotonic clock', CLOCK_REALTIME_COARSE: 'the coarse wall clock', CLOCK_MONOTONIC_COARSE: 'the coarse monotonic clock',
};
const clock = (c: Call, i: number): string => CLOCKS[symOf(c.a(i)) ?? ''] ?? `clock ${symOf(c.a(i)) ?? c.n(i)}`;

/** A sleep's words: how long, and what was left if a signal cut it short. */
function slept(c: Call, req: ReturnType<Call['a']>, rem: ReturnType<Call['a']> | undefined, absolute = false): string {
  const d = duration(req);
  const what = absolute ? `slept until ${d ?? 'an invalid time'} on ${clock(c, 0)}` : `slept for ${d ?? 'an invalid time'}`;
  // EINTR, or a restart code: a signal cut the sleep short
  if (c.ret?.errno === 4 || (c.ret?.errno ?? 0) >= 512) {
    const left = duration(rem);
    return `${what.replace('slept', 'tried to sleep')}: a signal woke it early${left ? ` with ${left} left` : ''}`;
  }
  return c.say(what, what.replace('slept', 'sleep'));
}

const ITIMERS: Record<string, string> = { ITIMER_REAL: 'wall-clock (SIGALRM)', ITIMER_VIRTUAL: 'user CPU (SIGVTALRM)', ITIMER_PROF: 'CPU (SIGPROF)' };

export const TIME: Record<string, Sentence> = {
  clock_gettime: (c) => c.say(`read ${clock(c, 0)}${duration(c.a(1)) ? `: ${duration(c.a(1))}` : ''}`, `read ${clock(c, 0)}`),
  clock_getres: (c) => c.say(`asked the resolution of ${clock(c, 0)}${duration(c.a(1)) ? `: ${duration(c.a(1))}` : ''}`, `read the resolution of ${clock(c, 0)}`),
  clock_settime: (c) => c.say(`set ${clock(c, 0)}`, `set ${clock(c, 0)}`),
  clock_nanosleep: (c) => slept(c, c.a(2), c.args[3], symOf(c.a(1)) === 'TIMER_ABSTIME'),
  nanosleep: (c) => slept(c, c.a(0), c.args[1]),
  gettimeofday: (c) => c.say(`read the wall clock: ${num(field(c.a(0), 'tv_sec')) ?? '?'} s since 1970`, 'read the time of day'),
  settimeofday: (c) => c.say('set the wall clock', 'set the time of day'),
  time: (c) => c.say(`read the wall clock: ${c.rv} s since 1970`, 'read the time'),
  times: (c) => c.say('asked the CPU time it and its children have used', 'read its CPU times'),
  setitimer: (c) => c.say(`armed its ${ITIMERS[symOf(c.a(0)) ?? ''] ?? ''} interval timer${duration(field(c.a(1), 'it_value')) ? ` to fire in ${duration(field(c.a(1), 'it_value'))}` : ''}`.replace('  ', ' '), 'arm an interval timer'),
  getitimer: (c) => c.say(`asked how long until its ${ITIMERS[symOf(c.a(0)) ?? ''] ?? ''} interval timer fires`.replace('  ', ' '), 'read an interval timer'),
  timer_create: (c) => c.say(`created a POSIX timer on ${clock(c, 0)}`, 'create a timer'),
  timer_settime: (c) => c.say(`armed POSIX timer ${c.n(0)}${duration(field(c.a(2), 'it_value')) ? ` to fire in ${duration(field(c.a(2), 'it_value'))}` : ''}`, `arm timer ${c.n(0)}`),
  timer_gettime: (c) => c.say(`asked how long until POSIX timer ${c.n(0)} fires`, `read timer ${c.n(0)}`),
  timer_delete: (c) => c.say(`deleted POSIX timer ${c.n(0)}`, `delete timer ${c.n(0)}`),
  timer_getoverrun: (c) => c.say(`asked how often POSIX timer ${c.n(0)} fired unnoticed: ${c.rv}`, `read timer ${c.n(0)}'s overruns`),
  adjtimex: (c) => c.say('read or adjusted the kernel clock', 'adjust the clock'),
  clock_adjtime: (c) => c.say(`read or adjusted ${clock(c, 0)}`, `adjust ${clock(c, 0)}`),
};
