/**
 * -e kvm=vcpu: where a tracee has mapped each vCPU fd's kvm_run structure, found as strace 6.1's
 * vcpu_get_info finds it: the fd's /proc link names the vCPU (`anon_inode:kvm-vcpu:N`), and the
 * first mapping of that name is taken. Each tracee keeps what it found, and its copy of its
 * mappings, until any tracee makes a call that may change mappings (strace's mmap cache generation).
 */
import { readlinkSync } from 'node:fs';
import type { KvmRunMap, KvmVcpus } from '../decode/types.js';
import { mappingAt, readMaps, type Mapping } from '../stack/maps.js';

const VCPU_PREFIX = 'anon_inode:kvm-vcpu:';
const INT_MAX = 0x7fffffff;

/** What sysray reads in /proc; tests give their own. */
export interface KvmProc {
  /** The target of /proc/PROC/fd/FD, undefined if it cannot be read. */
  fdPath(proc: number, fd: number): string | undefined;
  /** The mappings of /proc/PROC/maps (empty if it cannot be read). */
  maps(proc: number): Mapping[];
}

const HOST: KvmProc = {
  fdPath(proc, fd) {
    try {
      return readlinkSync(`/proc/${proc}/fd/${fd >>> 0}`, { encoding: 'latin1' });
    } catch {
      return undefined;
    }
  },
  maps: readMaps,
};

/** A vCPU fd as last seen: its number, and where its kvm_run is once found (strace's vcpu_info). */
interface Vcpu { cpuid: number; addr: bigint; len: bigint; resolved: boolean }

/** The vCPU number after the prefix, as strace's string_to_uint reads it; -1 if it is none. */
function cpuidOf(rest: string): number {
  if (!/^[0-9]+$/.test(rest)) return -1;
  const n = Number(rest);
  return n > INT_MAX ? -1 : n;
}

/** The tracees' vCPU fds, for one trace. */
export class KvmRuns {
  /** Bumped by every call that may change a tracee's mappings: each tracee then rereads its own. */
  private generation = 0;

  constructor(private proc: KvmProc = HOST) {}

  /** A call that may change some tracee's mappings has returned (or failed). */
  mapsChanged(): void {
    this.generation++;
  }

  /** The view of one tracee, whose /proc directory `procOf` gives. */
  forTracee(procOf: () => number): KvmVcpus {
    const vcpus = new Map<number, Vcpu>();
    let cache: { generation: number; maps: Mapping[] } | undefined;
    /** The tracee's mappings and whether they were just reread; undefined when /proc has none. */
    const mappings = (): { maps: Mapping[]; renewed: boolean } | undefined => {
      if (cache && cache.generation === this.generation) return { maps: cache.maps, renewed: false };
      cache = undefined;
      const maps = this.proc.maps(procOf());
      if (!maps.length) return undefined;
      cache = { generation: this.generation, maps };
      return { maps, renewed: true };
    };
    return {
      created: (fd, cpuid) => {
        if (fd < 0) return;
        const v = vcpus.get(fd);
        if (!v) vcpus.set(fd, { cpuid, addr: 0n, len: 0n, resolved: false });
        else if (v.cpuid !== cpuid) {
          v.cpuid = cpuid;
          v.resolved = false;
        }
      },
      run: (fd): KvmRunMap | undefined => {
        const m = mappings();
        if (!m) return undefined;
        let v = vcpus.get(fd);
        if (v?.resolved) {
          if (!m.renewed) return { addr: v.addr, len: v.len };
          // the mappings changed: the one found before stands if it still is this vCPU's
          const at = mappingAt(m.maps, v.addr);
          if (at?.path.startsWith(VCPU_PREFIX)) {
            const cpuid = cpuidOf(at.path.slice(VCPU_PREFIX.length));
            if (cpuid < 0) return undefined;
            if (cpuid === v.cpuid) return { addr: v.addr, len: v.len };
          }
          v.resolved = false;
        }
        const path = this.proc.fdPath(procOf(), fd);
        if (!path?.startsWith(VCPU_PREFIX)) return undefined;
        const found = m.maps.find((e) => e.major === 0 && e.path === path);
        if (!found) return undefined;
        const cpuid = cpuidOf(path.slice(VCPU_PREFIX.length));
        if (cpuid < 0) return undefined;
        if (!v) vcpus.set(fd, (v = { cpuid, addr: 0n, len: 0n, resolved: false }));
        v.cpuid = cpuid;
        v.addr = found.start;
        v.len = found.end - found.start;
        v.resolved = true;
        return { addr: v.addr, len: v.len };
      },
    };
  }
}
