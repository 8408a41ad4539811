/** Corpus cases of the net family: C fixtures and programs. */
import type { CorpusCase } from '../helpers/corpus.js';

export const cases: CorpusCase[] = [
  { family: 'net', name: 'fam_net_addr', cmd: ['@fam_net_addr'] },
  { family: 'net', name: 'fam_net_addr -X verbose', cmd: ['@fam_net_addr'], opts: ['-X', 'verbose'] },
  { family: 'net', name: 'fam_net_msg', cmd: ['@fam_net_msg'] },
  { family: 'net', name: 'fam_net_msg -v -s 8', cmd: ['@fam_net_msg'], opts: ['-v', '-s', '8'] },
  { family: 'net', name: 'fam_net_msg -x', cmd: ['@fam_net_msg'], opts: ['-x'] },
  { family: 'net', name: 'fam_net_msg -X verbose', cmd: ['@fam_net_msg'], opts: ['-X', 'verbose'] },
  { family: 'net', name: 'fam_net_opt', cmd: ['@fam_net_opt'] },
  { family: 'net', name: 'fam_net_opt -v', cmd: ['@fam_net_opt'], opts: ['-v'] },
  { family: 'net', name: 'fam_net_opt verbose=none', cmd: ['@fam_net_opt'], opts: ['-e', 'verbose=none'] },
  // netlink in another network namespace: strace (and sysray) cannot tell the protocol, messages print raw
  { family: 'net', name: 'fam_net_nl', cmd: ['@fam_net_nl'] },
];
