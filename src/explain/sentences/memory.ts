/** Explanations for memory calls: mapping, protecting, unmapping, the heap, advice. */
import type { Value } from '../../decode/value.js';
import { bytes, Call, fd, has, names, symOf, type Sentence } from '../words.js';

const hex = (v: bigint): string => '0x' + BigInt.asUintN(64, v).toString(16);

/** PROT_* as words: `read/write`, `read/execute`, `no access`. */
function prot(v: Value | undefined): string {
  const p = names(v);
  const r = [p.includes('PROT_READ') ? 'read' : '', p.includes('PROT_WRITE') ? 'write' : '', p.includes('PROT_EXEC') ? 'execute' : ''].filter(Boolean);
  return r.length ? r.join('/') : 'no access';
}

function mmapWords(c: Call): string {
  const flags = c.a(3);
  const anon = has(flags, 'MAP_ANONYMOUS');
  const shared = has(flags, 'MAP_SHARED') ? 'shared' : 'private';
  const len = bytes(c.n(1));
  const what = anon ? `${len} of ${shared} zeroed memory` : `${len} of ${fd(c.a(4))} at offset ${c.n(5)} (${shared})`;
  const fixed = has(flags, 'MAP_FIXED') ? ` at ${hex(c.n(0))} exactly` : '';
  return c.say(`mapped ${what}${fixed}, ${prot(c.a(2))} → at ${hex(c.rv)}`, `map ${what}`, anon ? undefined : fd(c.a(4)));
}

const ADVICE: Record<string, string> = {
  MADV_DONTNEED: 'its pages may be dropped (they read back as zeros)', MADV_FREE: 'its pages may be freed lazily',
  MADV_WILLNEED: 'it will be needed soon', MADV_SEQUENTIAL: 'it will be read in order', MADV_RANDOM: 'it will be read at random',
  MADV_DONTFORK: 'a child should not inherit it', MADV_HUGEPAGE: 'huge pages would suit it', MADV_NOHUGEPAGE: 'it should not use huge pages',
  MADV_DONTDUMP: 'it should be left out of core dumps',
};

export const MEMORY: Record<string, Sentence> = {
  mmap: mmapWords,
  munmap: (c) => c.say(`unmapped ${bytes(c.n(1))} at ${hex(c.n(0))}`, `unmap memory at ${hex(c.n(0))}`),
  mprotect: (c) => c.say(`made ${bytes(c.n(1))} at ${hex(c.n(0))} ${prot(c.a(2))}`, `change the protection at ${hex(c.n(0))}`),
  pkey_mprotect: (c) => c.say(`made ${bytes(c.n(1))} at ${hex(c.n(0))} ${prot(c.a(2))} under key ${c.n(3)}`, `change the protection at ${hex(c.n(0))}`),
  brk: (c) => (c.n(0) === 0n ? c.say(`asked where its heap ends: ${hex(c.rv)}`, 'read the heap end')
    : c.rv === c.n(0) ? `moved the end of its heap to ${hex(c.rv)}` : `asked to move the end of its heap to ${hex(c.n(0))}: refused, it stays at ${hex(c.rv)}`),
  mremap: (c) => c.say(`resized the mapping at ${hex(c.n(0))} from ${bytes(c.n(1))} to ${bytes(c.n(2))} → at ${hex(c.rv)}`, `resize the mapping at ${hex(c.n(0))}`),
  madvise: (c) => c.say(`told the kernel about ${bytes(c.n(1))} at ${hex(c.n(0))}: ${ADVICE[symOf(c.a(2)) ?? ''] ?? symOf(c.a(2)) ?? 'advice'}`, `advise on ${hex(c.n(0))}`),
  msync: (c) => c.say(`wrote ${bytes(c.n(1))} of a file mapping at ${hex(c.n(0))} back to its file`, `sync the mapping at ${hex(c.n(0))}`),
  mlock: (c) => c.say(`locked ${bytes(c.n(1))} at ${hex(c.n(0))} in RAM`, 'lock memory'),
  mlock2: (c) => c.say(`locked ${bytes(c.n(1))} at ${hex(c.n(0))} in RAM`, 'lock memory'),
  munlock: (c) => c.say(`unlocked ${bytes(c.n(1))} at ${hex(c.n(0))}`, 'unlock memory'),
  mlockall: (c) => c.say('locked all its memory in RAM', 'lock all memory'),
  munlockall: (c) => c.say('unlocked all its memory', 'unlock all memory'),
  mincore: (c) => c.say(`asked which pages of ${bytes(c.n(1))} at ${hex(c.n(0))} are in RAM`, 'check residency'),
  pkey_alloc: (c) => c.say(`got memory protection key ${c.rv}`, 'allocate a protection key'),
  pkey_free: (c) => c.say(`freed memory protection key ${c.n(0)}`, 'free a protection key'),
  membarrier: (c) => c.say(`ran a memory barrier across threads (${symOf(c.a(0)) ?? 'command'})`, 'run a membarrier'),
  process_vm_readv: (c) => c.say(`read ${bytes(c.rv)} from the memory of process ${c.n(0)}`, `read the memory of process ${c.n(0)}`),
  process_vm_writev: (c) => c.say(`wrote ${bytes(c.rv)} into the memory of process ${c.n(0)}`, `write the memory of process ${c.n(0)}`),
  shmget: (c) => c.say(`got System V shared memory segment ${c.rv} of ${bytes(c.n(1))}`, 'get a shared memory segment'),
  shmat: (c) => c.say(`attached shared memory segment ${c.n(0)} at ${hex(c.rv)}`, `attach segment ${c.n(0)}`),
  shmdt: (c) => c.say(`detached the shared memory at ${hex(c.n(0))}`, 'detach shared memory'),
  shmctl: (c) => c.say(`did ${symOf(c.a(1)) ?? 'a control'} on shared memory segment ${c.n(0)}`, `control segment ${c.n(0)}`),
  userfaultfd: (c) => c.say(`created a userfaultfd to handle page faults itself → ${c.fdOut}`, 'create a userfaultfd'),
};


