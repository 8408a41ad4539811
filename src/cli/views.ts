/**
 * The views of a whole trace that sysray writes at its end instead of the trace's text:
 * --report (HTML), --perfetto (Chrome Trace Event JSON), --effects (a summary). Live or replayed,
 * they see the events the text would have shown.
 */
import { closeSync, openSync } from 'node:fs';
import type { Options } from './args.js';
import type { Event } from '../model.js';
import { NATIVE } from '../arch/index.js';
import { StraceText } from '../render/strace.js';
import { SummaryCounter } from '../render/summary.js';
import { Tracks } from '../render/tracks.js';
import { PerfettoTrace } from '../render/perfetto.js';
import { ReportBuilder } from '../render/report.js';
import { errnoMessage } from '../decode/xlat/errno.js';

/** The class a syscall is drawn in: the first of these its table row names, else `other`. */
const CLASS_ORDER = ['network', 'process', 'signal', 'ipc', 'memory', 'file', 'desc'] as const;
export function classOf(name: string): string {
  const row = NATIVE.byName.get(name);
  return CLASS_ORDER.find((c) => row?.classes.includes(c)) ?? 'other';
}

const openFailed = (file: string, e: unknown): Error =>
  new Error(`Can't fopen '${file}': ${errnoMessage(-((e as { errno?: number }).errno ?? -5))}`);

export class Views {
  private readonly tracks = new Tracks();
  private readonly text: StraceText;
  private readonly perfetto?: PerfettoTrace;
  private readonly report?: ReportBuilder;
  /** The report's -c table counts what -c counts, whether or not -c was given. */
  private readonly counter = new SummaryCounter(NATIVE);

  private constructor(private readonly o: Options, xflag: 0 | 1 | 2) {
    // a call's whole line, unaligned, as strace prints it (xflag as asked)
    this.text = new StraceText({ acolumn: 0, xflag, xlat: o.xlat });
    if (o.perfetto !== undefined) this.perfetto = new PerfettoTrace(this.tracks, classOf);
    if (o.report !== undefined) this.report = new ReportBuilder(this.tracks, classOf);
  }

  /** The views `o` asks for, or undefined for none. */
  static of(o: Options, xflag: 0 | 1 | 2): Views | undefined {
    return o.perfetto !== undefined || o.report !== undefined || o.effects ? new Views(o, xflag) : undefined;
  }

  event(ev: Event): void {
    if (ev.type === 'syscall_entry') return;
    this.tracks.add(ev);
    if (ev.type === 'syscall' && ev.ret) this.counter.add(ev.name, ev.duration, ev.ret.errno !== 0, ev.nr);
    // the line is made once, and only when a view needs it
    let text: string | undefined;
    const line = (): string => (text ??= ev.type === 'syscall' || ev.type === 'signal' ? this.line(ev) : '');
    this.perfetto?.add(ev, line());
    this.report?.add(ev, line);
  }

  /** A call's (or signal's) whole line as strace prints it, unaligned, without prefixes. */
  private line(ev: Event): string {
    const s = this.text.render(ev.type === 'syscall' ? { ...ev, entryArgs: ev.args.length } : ev);
    return s.slice(0, s.indexOf('\n'));
  }

  /** Write the files; returns the text for the trace's output (the effects summary, if asked). */
  finish(_summary?: SummaryCounter): string {
    if (this.perfetto) {
      const file = this.o.perfetto!;
      let fd: number;
      try {
        fd = openSync(file, 'w', 0o666);
      } catch (e) {
        throw openFailed(file, e);
      }
      try {
        this.perfetto.writeTo(fd);
      } finally {
        closeSync(fd);
      }
    }
    if (this.report) {
      const file = this.o.report!;
      let fd: number;
      try {
        fd = openSync(file, 'w', 0o666);
      } catch (e) {
        throw openFailed(file, e);
      }
      try {
        this.report.writeTo(fd, this.counter.render({}));
      } finally {
        closeSync(fd);
      }
    }
    return '';
  }
}
