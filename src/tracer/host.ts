/**
 * What the host tells decoders (Ctx.host): the run-wide figures strace reads once (possible CPUs,
 * optmem_max, the boot time) here; a tracee's fds and the interface names from their own modules.
 */
import { readFileSync } from 'node:fs';
import type { HostFacts } from '../decode/types.js';
import { fdLink, netlinkProtocol } from './fdkind.js';
import { ifname } from './ifnames.js';

/** A figure read on first use and kept for the run (undefined when unreadable). */
function once(read: () => number | undefined): () => number | undefined {
  let done = false;
  let v: number | undefined;
  return () => {
    if (!done) {
      done = true;
      try {
        v = read();
      } catch {
        v = undefined;
      }
    }
    return v;
  };
}

/** nr_cpu_ids: one more than the last CPU /sys/devices/system/cpu/possible lists (`0-3`, `0,2-7`). */
const possibleCpus = once(() => {
  const s = readFileSync('/sys/devices/system/cpu/possible', 'utf8').trim();
  const n = Number(s.split(',').pop()!.split('-').pop()!) + 1;
  return Number.isFinite(n) ? n : undefined;
});

const optmemMax = once(() => {
  const v = Number(readFileSync('/proc/sys/net/core/optmem_max', 'latin1').trim());
  return Number.isFinite(v) ? v : undefined;
});

/** The wall-clock ms of CLOCK_BOOTTIME's zero: now less the uptime (taken once, as strace takes its offset once). */
const bootEpochMs = once(() => {
  const up = Number(readFileSync('/proc/uptime', 'latin1').split(' ')[0]);
  return Number.isFinite(up) ? Date.now() - up * 1000 : undefined;
});

/**
 * The host's facts for one tracee: `proc` is its directory in /proc (asked only when an fd is
 * looked up), `stackPointer` reads its registers at the current stop.
 */
export function hostFacts(proc: () => number, stackPointer: () => bigint): HostFacts {
  return {
    ifname, possibleCpus, optmemMax, bootEpochMs, stackPointer,
    fdLink: (fd) => fdLink(proc(), fd),
    netlinkProtocol: (fd) => netlinkProtocol(proc(), fd),
  };
}
