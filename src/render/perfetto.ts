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
import type { Effects } from '../analyze/index.js';
import { endingText, processNames, threadsOf } from './effects.js';

const us = (ns: bigint): number => Number(ns) / 1000;
/** Stands for the process id in an event until the end, when it is known. */
const PID = -1;
const PID_TEXT = '"pid":-1';

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

/**
 * Collects events, then writes the trace file in one go (times are relative to the first event).
 * Which process a thread belongs to is known at the end (from the effects model): events are kept
 * with their thread's id in place of the process's, filled in as they are written.
 */
export class PerfettoTrace {
  private parts: string[] = [];
  private t0: bigint | undefined;
  /** The latest time seen: a process still running at the end lasts until then. */
  private last = 0n;

  constructor(private readonly classOf: (name: string) => string) {}

  /** `line`: the event's strace line (syscalls and signals). */
  add(ev: Event, line: string): void {
    if (ev.type === 'syscall_entry' || ev.type === 'attach' || ev.type === 'detach' || ev.type === 'message' || ev.type === 'personality') return;
    this.t0 ??= ev.time;
    const end = ev.type === 'syscall' ? ev.time + ev.duration : ev.time;
    if (end > this.last) this.last = end;
    const at = { ts: us(ev.time - this.t0), pid: PID, tid: ev.pid };
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

  /** The events' pids: each thread's process. */
  private withPids(parts: string[], effects: Effects): string[] {
    const tgid = new Map<number, number>();
    for (const p of effects.processes) for (const t of threadsOf(p)) tgid.set(t, p.pid);
    return parts.map((s) => {
      const tid = /"tid":(\d+)/.exec(s);
      const pid = tid ? tgid.get(Number(tid[1])) ?? Number(tid[1]) : 0;
      return s.replace(PID_TEXT, `"pid":${pid}`);
    });
  }

  /** Write the file to fd: metadata (names), process lifetimes, then the events, in pieces. */
  writeTo(fd: number, effects: Effects): void {
    writeSync(fd, `{"displayTimeUnit":"ns","otherData":{"startNs":"${this.t0 ?? 0n}","tool":"sysray"},"traceEvents":[\n`);
    const head = this.head(effects);
    for (let i = 0; i < this.parts.length || head.length; i += 4096) {
      const chunk = head.splice(0).concat(this.withPids(this.parts.slice(i, i + 4096), effects));
      writeSync(fd, chunk.join(',\n') + (i + 4096 < this.parts.length ? ',\n' : '\n'));
    }
    writeSync(fd, ']}\n');
  }

  private head(effects: Effects): string[] {
    const t0 = this.t0 ?? 0n;
    const rel = (t: string | null): number => (t === null ? 0 : us(BigInt(t) - t0));
    const head: string[] = [];
    const names = processNames(effects);
    for (const p of effects.processes) {
      const name = names.get(p.pid)!;
      head.push(JSON.stringify({ name: 'process_name', ph: 'M', pid: p.pid, args: { name: `${name} (${p.pid})` } }));
      for (const tid of threadsOf(p)) head.push(JSON.stringify({ name: 'thread_name', ph: 'M', pid: p.pid, tid, args: { name: tid === p.pid ? name : `${name} [${tid}]` } }));
      if (p.start === null) continue;
      const end = p.end ?? (this.t0 === undefined ? p.start : String(this.last));
      head.push(JSON.stringify({
        name: `process ${name}`, cat: 'lifetime', ph: 'X', ts: rel(p.start), dur: Math.max(rel(end) - rel(p.start), 0), pid: p.pid, tid: p.pid,
        args: { ...(p.argv ? { argv: p.argv } : {}), ...(p.parent !== null ? { parent: p.parent } : {}), ending: endingText(p) },
      }));
    }
    return head;
  }
}
