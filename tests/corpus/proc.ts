/** Corpus cases of the proc family: C fixtures and programs. */
import type { CorpusCase } from '../helpers/corpus.js';

export const cases: CorpusCase[] = [
  { family: 'proc', name: 'fam_proc_ids', cmd: ['@fam_proc_ids'] },
  { family: 'proc', name: 'fam_proc_ids -v', cmd: ['@fam_proc_ids'], opts: ['-v'] },
  { family: 'proc', name: 'fam_proc_ids -X verbose', cmd: ['@fam_proc_ids'], opts: ['-X', 'verbose'] },
  { family: 'proc', name: 'fam_proc_sched', cmd: ['@fam_proc_sched'] },
  { family: 'proc', name: 'fam_proc_sched -v', cmd: ['@fam_proc_sched'], opts: ['-v'] },
  { family: 'proc', name: 'fam_proc_sched -X raw', cmd: ['@fam_proc_sched'], opts: ['-X', 'raw'] },
  { family: 'proc', name: 'fam_proc_futex', cmd: ['@fam_proc_futex'] },
  { family: 'proc', name: 'fam_proc_futex -v', cmd: ['@fam_proc_futex'], opts: ['-v'] },
  { family: 'proc', name: 'fam_proc_life', cmd: ['@fam_proc_life'] },
  { family: 'proc', name: 'fam_proc_life -f', cmd: ['@fam_proc_life'], opts: ['-f'] },
  { family: 'proc', name: 'fam_proc_life -v', cmd: ['@fam_proc_life'], opts: ['-v'] },
  { family: 'proc', name: 'fam_proc_ptrace', cmd: ['@fam_proc_ptrace'] },
  { family: 'proc', name: 'fam_proc_ptrace -v', cmd: ['@fam_proc_ptrace'], opts: ['-v'] },
  { family: 'proc', name: 'python3 os process calls', cmd: ['python3', '-S', '-c',
    "import os,resource\nos.getpid();os.getppid();os.getuid();os.getgroups()\nos.sched_getaffinity(0)\nos.getpriority(os.PRIO_PROCESS,0)\nresource.getrlimit(resource.RLIMIT_NOFILE)\nresource.getrusage(resource.RUSAGE_CHILDREN)\np=os.fork()\nif p==0: os._exit(7)\nos.waitpid(p,0)\n"] },
];
