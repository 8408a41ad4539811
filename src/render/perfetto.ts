/**
 * --perfetto=FILE: the trace as Chrome Trace Event JSON, which ui.perfetto.dev and
 * chrome://tracing open. One track per thread, named after its process; each syscall a complete
 * (`X`) event with its strace line, errno and the paths of its fds as args; signals and exits
 * instant events; each process's lifetime a slice on its main thread's track. Times are µs from
 * the first event (`otherData.startNs` gives that time since the epoch).
 */
import { writeSync } from 'node:fs';
import type { Value } from '../decode/value.js';
import type { Event } from '../model.js';
import { errnoName } from '../decode/xlat/errno.js';
import type { Tracks } from './tracks.js';

const us = (ns: bigint): number => Number(ns) / 1000;

/** The paths -y recorded for a call's fd arguments and result, by fd. */
function fdPaths(args: readonly Value[], ret?: Value): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  const walk = (v: Value | undefined): void => {
    if (!v) return;
    if (v.k === 'fd' && (v.path || v.detail)) {
      out ??= {};
      out[v.label ?? String(v.fd)] = v.detail ? v.detail.text : Buffer.from(v.path!).toString('utf8');
    } else if (v.k === 'note') walk(v.v);
  };
  for (const a of args) walk(a);
  walk(ret);
  return out;
}

/** Collects events, then writes the trace file in one go (times are relative to the first event). */
export class PerfettoTrace {
  private parts: string[] = [];
  private t0: bigint | undefined;

  constructor(private readonly tracks: Tracks, private readonly classOf: (name: string) => string) {}

  /** `line`: the event's strace line (syscalls and signals). */
  add(ev: Event, line: string): void {
    if (ev.type === 'syscall_entry' || ev.type === 'attach' || ev.type === 'detach' || ev.type === 'message') return;
    this.t0 ??= ev.time;
    const p = this.tracks.processOf(ev.pid, ev.time);
    const at = { ts: us(ev.time - this.t0), pid: p.pid, tid: ev.pid };
    let o: Record<string, unknown>;
    switch (ev.type) {
      case 'syscall': {
        const err = ev.ret?.errno ? errnoName(ev.ret.errno) ?? String(ev.ret.errno) : undefined;
        const fds = fdPaths(ev.args, ev.ret?.fd);
        o = {
          name: ev.name, cat: this.classOf(ev.name), ph: 'X', ...at, dur: us(ev.duration),
          args: { strace: line, ret: ev.ret ? ev.ret.rval.toString() : '?', ...(err ? { errno: err } : {}), ...(fds ? { fds } : {}) },
        };
        break;
      }
      case 'signal': o = { name: ev.name, cat: 'signal', ph: 'i', s: 't', ...at, args: { strace: line } }; break;
      case 'stopped': o = { name: `stopped by ${ev.name}`, cat: 'signal', ph: 'i', s: 't', ...at }; break;
      case 'exit': o = { name: `exited with ${ev.code}`, cat: 'exit', ph: 'i', s: 'p', ...at }; break;
      case 'killed': o = { name: `killed by ${ev.name}`, cat: 'exit', ph: 'i', s: 'p', ...at }; break;
      case 'superseded': o = { name: `superseded by execve in pid ${ev.oldPid}`, cat: 'exit', ph: 'i', s: 't', ...at }; break;
    }
    this.parts.push(JSON.stringify(o));
  }

  /** Write the file to fd: metadata (names), process lifetimes, then the events, in pieces. */
  writeTo(fd: number): void {
    const head = this.head();
    writeSync(fd, `{"displayTimeUnit":"ns","otherData":{"startNs":"${this.t0 ?? 0n}","tool":"sysray"},"traceEvents":[\n`);
    const all = head.concat(this.parts);
    for (let i = 0; i < all.length; i += 4096) writeSync(fd, all.slice(i, i + 4096).join(',\n') + (i + 4096 < all.length ? ',\n' : '\n'));
    writeSync(fd, ']}\n');
  }

  private head(): string[] {
    const t0 = this.t0 ?? 0n;
    const head: string[] = [];
    for (const p of this.tracks.procs.values()) {
      head.push(JSON.stringify({ name: 'process_name', ph: 'M', pid: p.pid, args: { name: `${p.name} (${p.pid})` } }));
      for (const tid of p.threads) head.push(JSON.stringify({ name: 'thread_name', ph: 'M', pid: p.pid, tid, args: { name: tid === p.pid ? p.name : `${p.name} [${tid}]` } }));
      head.push(JSON.stringify({
        name: `process ${p.name}`, cat: 'lifetime', ph: 'X', ts: us(p.start - t0), dur: us(p.end - p.start), pid: p.pid, tid: p.pid,
        args: { ...(p.argv ? { argv: p.argv } : {}), ...(p.parent !== undefined ? { parent: p.parent } : {}), ending: p.ending ?? 'still running' },
      }));
    }
    return head;
  }
}
