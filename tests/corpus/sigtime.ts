/** Corpus cases of the sigtime family: C fixtures and programs. */
import type { CorpusCase } from '../helpers/corpus.js';

export const cases: CorpusCase[] = [
  { family: 'sigtime', name: 'sigtime-sig', cmd: ['@fam_sigtime_sig'] },
  { family: 'sigtime', name: 'sigtime-sig-v', cmd: ['@fam_sigtime_sig'], opts: ['-v'] },
  { family: 'sigtime', name: 'sigtime-sig-Xverbose', cmd: ['@fam_sigtime_sig'], opts: ['-X', 'verbose'] },
  { family: 'sigtime', name: 'sigtime-time', cmd: ['@fam_sigtime_time'], cc: ['-pthread'] },
  { family: 'sigtime', name: 'sigtime-time-Xverbose', cmd: ['@fam_sigtime_time'], cc: ['-pthread'], opts: ['-X', 'verbose'] },
  { family: 'sigtime', name: 'sigtime-sys', cmd: ['@fam_sigtime_sys'] },
  { family: 'sigtime', name: 'sigtime-sys-v', cmd: ['@fam_sigtime_sys'], opts: ['-v'] },
  { family: 'sigtime', name: 'sigtime-sys-Xverbose', cmd: ['@fam_sigtime_sys'], opts: ['-X', 'verbose'] },
  { family: 'sigtime', name: 'sigtime-fault', cmd: ['@fam_sigtime_fault'] },
  { family: 'sigtime', name: 'sigtime-fault-Xverbose', cmd: ['@fam_sigtime_fault'], opts: ['-X', 'verbose'] },
];
