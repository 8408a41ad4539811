/** Corpus cases of the sigtime family: C fixtures and programs. */
import type { CorpusCase } from '../helpers/corpus.js';

export const cases: CorpusCase[] = [
  { family: 'sigtime', name: 'sigtime-sig', cmd: ['@fam_sigtime_sig'] },
  { family: 'sigtime', name: 'sigtime-sig-v', cmd: ['@fam_sigtime_sig'], opts: ['-v'] },
  { family: 'sigtime', name: 'sigtime-sig-Xverbose', cmd: ['@fam_sigtime_sig'], opts: ['-X', 'verbose'] },
  { family: 'sigtime', name: 'sigtime-sig-Xraw', cmd: ['@fam_sigtime_sig'], opts: ['-X', 'raw'] },
  { family: 'sigtime', name: 'sigtime-time', cmd: ['@fam_sigtime_time'], cc: ['-pthread'] },
  { family: 'sigtime', name: 'sigtime-time-Xverbose', cmd: ['@fam_sigtime_time'], cc: ['-pthread'], opts: ['-X', 'verbose'] },
  { family: 'sigtime', name: 'sigtime-sys', cmd: ['@fam_sigtime_sys'] },
  { family: 'sigtime', name: 'sigtime-sys-v', cmd: ['@fam_sigtime_sys'], opts: ['-v'] },
  { family: 'sigtime', name: 'sigtime-sys-Xverbose', cmd: ['@fam_sigtime_sys'], opts: ['-X', 'verbose'] },
  { family: 'sigtime', name: 'sigtime-fault', cmd: ['@fam_sigtime_fault'] },
  { family: 'sigtime', name: 'sigtime-fault-Xverbose', cmd: ['@fam_sigtime_fault'], opts: ['-X', 'verbose'] },
  { family: 'sigtime', name: 'sigtime-fault-y', cmd: ['@fam_sigtime_fault'], opts: ['-y'] },
  { family: 'sigtime', name: 'sigtime-restart', cmd: ['@fam_sigtime_restart'] },
  { family: 'sigtime', name: 'sigtime-sleep', cmd: ['sleep', '0.01'] },
  { family: 'sigtime', name: 'sigtime-dmesg-syslog', cmd: ['dmesg', '-S'] },
  { family: 'sigtime', name: 'sigtime-hostname', cmd: ['hostname'] },
  { family: 'sigtime', name: 'sigtime-timeout', cmd: ['timeout', '5', 'true'] },
  {
    family: 'sigtime',
    name: 'sigtime-python-signals',
    cmd: ['python3', '-S', '-c', [
      'import os, signal, time',
      'signal.signal(signal.SIGALRM, lambda *a: None)',
      'signal.setitimer(signal.ITIMER_REAL, 0.01)',
      'time.sleep(1)',
      'signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])',
      'os.kill(os.getpid(), signal.SIGUSR1)',
      'print(signal.sigpending())',
      'print(signal.sigtimedwait([signal.SIGUSR1], 0.1))',
      'os.uname()',
      'time.clock_getres(time.CLOCK_MONOTONIC)',
      'signal.alarm(0)',
    ].join('; ')],
  },
];
