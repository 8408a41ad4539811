/**
 * The views of a whole trace that sysray writes at its end instead of the trace's text:
 * --report (HTML), --perfetto (Chrome Trace Event JSON), --effects (a summary from the effects
 * model). Live or replayed, they see the events the text would have shown.
 */
import { closeSync, openSync } from 'node:fs';
import type { Options } from './args.js';
import type { Event } from '../model.js';
import type { TraceEvent } from '../api/events.js';
import { NATIVE } from '../arch/index.js';
import { StraceText } from '../render/strace.js';
import { eventJson } from '../render/json.js';
import { SummaryCounter } from '../render/summary.js';
import { PerfettoTrace } from '../render/perfetto.js';
import { ReportBuilder } from '../render/report.js';
import { effectsText } from '../render/effects.js';
import { EffectsBuilder } from '../analyze/index.js';
import { errnoMessage } from '../decode/xlat/errno.js';

/** The class a syscall is drawn in: the first of these its table row names, else `other`. */
const CLASS_ORDER = ['network', 'process', 'signal', 'ipc', 'memory', 'file', 'desc'] as const;
export function classOf(name: string): string {
  const row = NATIVE.byName.get(name);
  return CLASS_ORDER.find((c) => row?.classes.includes(c)) ?? 'other';
}

/** Write a view's file, with strace's message when it cannot be opened. */
function writeFile(file: string, write: (fd: number) => void): void {
  let fd: number;
  try {
    fd = openSync(file, 'w', 0o666);
  } catch (e) {
    throw new Error(`Can't fopen '${file}': ${errnoMessage(-((e as { errno?: number }).errno ?? -5))}`);
  }
  try {
    write(fd);
  } finally {
    closeSync(fd);
  }
}

export class Views {
  private readonly text: StraceText;
  private readonly effects = new EffectsBuilder();
  private readonly perfetto?: PerfettoTrace;
  private readonly report?: ReportBuilder;
  /** The report's -c table counts what -c counts, whether or not -c was given. */
  private readonly counter = new SummaryCounter(NATIVE);

  private constructor(private readonly o: Options, xflag: 0 | 1 | 2) {
    // a call's whole line, unaligned, as strace prints it (xflag as asked)
    this.text = new StraceText({ acolumn: 0, xflag, xlat: o.xlat });
    if (o.perfetto !== undefined) this.perfetto = new PerfettoTrace(classOf);
    if (o.report !== undefined) this.report = new ReportBuilder(classOf);
  }

  /** The views `o` asks for, or undefined for none. */
  static of(o: Options, xflag: 0 | 1 | 2): Views | undefined {
    return o.perfetto !== undefined || o.report !== undefined || o.effects ? new Views(o, xflag) : undefined;
  }

  event(ev: Event): void {
    const json = eventJson(ev);
    if (!json) return;
    this.effects.add(json);
    if (ev.type === 'syscall' && ev.ret) this.counter.add(ev.name, ev.duration, ev.ret.errno !== 0, ev.nr);
    // the line is made once, and only when a view needs it
    let text: string | undefined;
    const line = (): string => (text ??= ev.type === 'syscall' || ev.type === 'signal' ? this.line(ev) : '');
    this.perfetto?.add(ev, line());
    this.report?.add(ev, json as TraceEvent, line);
  }

  /** A call's (or signal's) whole line as strace prints it, unaligned, without prefixes. */
  private line(ev: Event): string {
    const s = this.text.render(ev.type === 'syscall' ? { ...ev, entryArgs: ev.args.length } : ev);
    return s.slice(0, s.indexOf('\n'));
  }

  /** Write the files; returns the text for the trace's output (the effects summary, if asked). */
  finish(): string {
    const effects = this.effects.result();
    if (this.perfetto) writeFile(this.o.perfetto!, (fd) => this.perfetto!.writeTo(fd, effects));
    if (this.report) writeFile(this.o.report!, (fd) => this.report!.writeTo(fd, this.counter.render({}), effects));
    if (!this.o.effects) return '';
    return this.o.json ? JSON.stringify(effects) + '\n' : effectsText(effects);
  }
}
