/** Corpus cases of the mem family: C fixtures and programs. */
import type { CorpusCase } from '../helpers/corpus.js';

export const cases: CorpusCase[] = [
  { family: 'mem', name: 'mem-mmap', cmd: ['@fam_mem'] },
  { family: 'mem', name: 'mem-sysv-ipc', cmd: ['@fam_mem_ipc'] },
  { family: 'mem', name: 'mem-mq-numa', cmd: ['@fam_mem_mq'] },
];
