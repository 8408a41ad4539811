/**
 * Test-only fault injection: SYSRAY_TEST_FAULTS makes chosen decoders throw, or the engine fail, so
 * tests can show that a decoder's failure never ends a trace and that sysray's own failure loses
 * nothing already traced. Read once, when the engine starts; not for users (docs/reliability.md).
 *
 * The value is a comma-separated list of NAME:PHASE, NAME a syscall name, PHASE one of
 *   entry, exit, ret: that phase of NAME's decoder throws;
 *   crash: the engine throws at NAME's exit stop (sysray's own failure, as from a renderer);
 *   vanish: the tracee is SIGKILLed at NAME's entry stop, after the stop was reported and before
 *     its syscall info is read (the race strace's kill_child test waits for, made certain).
 */
import type { SyscallDecoder } from '../decode/types.js';

export type FaultPhase = 'entry' | 'exit' | 'ret' | 'crash' | 'vanish';
const PHASES: ReadonlySet<string> = new Set<FaultPhase>(['entry', 'exit', 'ret', 'crash', 'vanish']);

/** The faults asked for, by syscall name; undefined when none (the usual case). */
export type Faults = ReadonlyMap<string, ReadonlySet<FaultPhase>>;

export function readFaults(value: string | undefined = process.env.SYSRAY_TEST_FAULTS): Faults | undefined {
  if (!value) return undefined;
  const m = new Map<string, Set<FaultPhase>>();
  for (const item of value.split(',')) {
    const [name, phase = 'entry'] = item.split(':');
    if (!name || !PHASES.has(phase)) continue;
    let s = m.get(name);
    if (!s) m.set(name, (s = new Set()));
    s.add(phase as FaultPhase);
  }
  return m.size ? m : undefined;
}

/** The error a planted fault throws (a RangeError, as a decoder reading past a short struct would). */
export function planted(name: string, phase: FaultPhase): Error {
  return new RangeError(`planted fault: ${name} ${phase} (SYSRAY_TEST_FAULTS)`);
}

/** `dec` with the phases asked for replaced by ones that throw. */
export function faulty(name: string, dec: SyscallDecoder, phases: ReadonlySet<FaultPhase>): SyscallDecoder {
  const d: SyscallDecoder = { ...dec };
  if (phases.has('entry')) d.entry = () => { throw planted(name, 'entry'); };
  if (phases.has('exit')) {
    // a decoder that prints everything at entry gets an exit part, so that the fault is reached
    d.exit = () => { throw planted(name, 'exit'); };
    delete d.needsExit;
  }
  if (phases.has('ret')) d.ret = () => { throw planted(name, 'ret'); };
  return d;
}
