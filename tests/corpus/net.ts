/** Corpus cases of the net family: C fixtures and programs. */
import type { CorpusCase } from '../helpers/corpus.js';

export const cases: CorpusCase[] = [
  { family: 'net', name: 'fam_net_addr', cmd: ['@fam_net_addr'] },
  { family: 'net', name: 'fam_net_addr -X verbose', cmd: ['@fam_net_addr'], opts: ['-X', 'verbose'] },
];
