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
  { family: 'proc', name: 'fam_proc_futex -X raw', cmd: ['@fam_proc_futex'], opts: ['-X', 'raw'] },
  { family: 'proc', name: 'fam_proc_life', cmd: ['@fam_proc_life'] },
  { family: 'proc', name: 'fam_proc_life -f', cmd: ['@fam_proc_life'], opts: ['-f'] },
  { family: 'proc', name: 'fam_proc_life -v', cmd: ['@fam_proc_life'], opts: ['-v'] },
  { family: 'proc', name: 'fam_proc_life -X verbose', cmd: ['@fam_proc_life'], opts: ['-X', 'verbose'] },
  { family: 'proc', name: 'fam_proc_ptrace', cmd: ['@fam_proc_ptrace'] },
  { family: 'proc', name: 'fam_proc_ptrace -v', cmd: ['@fam_proc_ptrace'], opts: ['-v'] },
  { family: 'proc', name: 'python3 scheduling, ids, pidfd, waitid', cmd: ['python3', '-S', '-c',
    "import os,signal,resource\nos.sched_setaffinity(0,{0})\nos.sched_getaffinity(0)\nos.setpriority(os.PRIO_PROCESS,0,1)\nos.sched_get_priority_max(os.SCHED_FIFO)\nos.sched_rr_get_interval(0)\nos.sched_setscheduler(0,os.SCHED_BATCH,os.sched_param(0))\nos.sched_getscheduler(0)\nos.sched_getparam(0)\nos.getresuid();os.getresgid()\nos.setpgid(0,0);os.getpgid(0)\nresource.prlimit(0,resource.RLIMIT_CORE,(0,0))\nresource.setrlimit(resource.RLIMIT_NOFILE,(512,1024))\nfd=os.pidfd_open(os.getpid())\nsignal.pidfd_send_signal(fd,0)\np=os.fork()\nif p==0: os._exit(3)\nos.waitid(os.P_ALL,0,os.WEXITED)\n"] },
  { family: 'proc', name: 'python3 os process calls', cmd: ['python3', '-S', '-c',
    "import os,resource\nos.getpid();os.getppid();os.getuid();os.getgroups()\nos.sched_getaffinity(0)\nos.getpriority(os.PRIO_PROCESS,0)\nresource.getrlimit(resource.RLIMIT_NOFILE)\nresource.getrusage(resource.RUSAGE_CHILDREN)\np=os.fork()\nif p==0: os._exit(7)\nos.waitpid(p,0)\n"] },
  // x86 I/O privilege and descriptor tables (user_desc, modify_ldt's 32-bit error results)
  { family: 'proc', name: 'fam_proc_ldt', cmd: ['@fam_proc_ldt'] },
  { family: 'proc', name: 'fam_proc_ldt verbose=none', cmd: ['@fam_proc_ldt'], opts: ['-e', 'verbose=none'] },
];
