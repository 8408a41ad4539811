/**
 * -e inject= / -e fault= on a live tracee (x86_64), as strace 6.1's tamper_with_syscall_entering
 * and tamper_with_syscall_exiting do it: count the call per process and syscall, and when the rule
 * fires, keep the call from running (or run a pure call in its place), queue a signal, write bytes
 * where its arguments point, and say how long to hold the tracee back.
 */
import type { InjectSpec } from '../filter/expr.js';
import type { Poke } from '../filter/inject-tokens.js';
import { NATIVE_ABI } from '../arch/index.js';
import { pokeUser } from '../sys/ptrace.js';
import { pokeTraceeMemory } from './memory.js';

/** struct user: where rax and orig_rax sit (the call's result and number). */
const { rax: RAX, origRax: ORIG_RAX } = NATIVE_ABI.user ?? { rax: -1, origRax: -1 };

/** What a rule did to the call in progress, kept from its entry to its exit. */
export interface Tampering {
  rule: InjectSpec;
  /** The call was kept from running (or replaced): its result is to be the rule's. */
  result: boolean;
  /** Bytes were written into its arguments. */
  poked: boolean;
  /** The tracee was or is to be held back. */
  delayed: boolean;
}

/** One tracee's inject state: its own countdowns (strace copies the rules per process). */
export interface InjectState {
  counts: Map<number, { first: number; last: number }>;
  /** The call in progress, if a rule fired at its entry. */
  now?: Tampering;
}

/** The call a tracee is stopped in: enough to tamper with it and to word the complaints. */
export interface CallAt {
  pid: number;
  nr: number;
  name: string;
  nargs: number;
  args: readonly bigint[];
}

type Say = (msg: string) => void;

/** poke_tcb: each payload written at the address its argument holds; true if any was. */
function poke(c: CallAt, pokes: readonly Poke[], say: Say): boolean {
  let poked = false;
  for (const p of pokes) {
    if (c.nargs < p.arg) {
      say(`poke_tcb: Failed to tamper with process ${c.pid}: requested to tamper with argument #${p.arg}, but system call '${c.name}' has only ${c.nargs} arguments`);
      continue;
    }
    const addr = c.args[p.arg - 1]!;
    const n = pokeTraceeMemory(c.pid, addr, p.data);
    if (n > 0 && n < p.data.length) say(`upoken: pid:${c.pid} short write (${n} < ${p.data.length}) @0x${addr.toString(16)}`);
    if (n > 0) poked = true;
    else say(`poke_tcb: Failed to tamper with process ${c.pid}: couldn't poke`);
  }
  return poked;
}

/**
 * At a shown call's entry: count it; when its rule fires, tamper. Returns the signal to deliver as
 * the call starts (0: none) and the nanoseconds to hold the tracee before it runs (0n: none).
 */
export function tamperEntry(st: InjectState, rules: ReadonlyMap<number, InjectSpec>, c: CallAt, say: Say): { sig: number; hold: bigint } {
  st.now = undefined;
  const rule = rules.get(c.nr);
  if (!rule) return { sig: 0, hold: 0n };
  let k = st.counts.get(c.nr);
  if (!k) st.counts.set(c.nr, (k = { first: rule.first, last: rule.last }));
  if (k.first === 0 || k.last === 0) return { sig: 0, hold: 0n };
  if (k.last !== Infinity) k.last--;
  k.first--;
  if (k.first !== 0) return { sig: 0, hold: 0n };
  k.first = rule.step;
  const t: Tampering = { rule, result: false, poked: false, delayed: false };
  if (rule.error !== undefined || rule.retval !== undefined) {
    // the call's number becomes -1 (nothing runs, ENOSYS) or the pure call run in its place
    t.result = pokeUser(c.pid, ORIG_RAX, rule.syscall !== undefined ? BigInt(rule.syscall) : -1n) >= 0;
  }
  if (rule.pokeEnter) t.poked = poke(c, rule.pokeEnter, say);
  const hold = rule.delayEnter ?? 0n;
  t.delayed = rule.delayEnter !== undefined || rule.delayExit !== undefined;
  st.now = t;
  return { sig: rule.signal ?? 0, hold };
}

/**
 * At the exit of a call whose rule fired: poke_exit, then the rule's result in place of the call's.
 * Returns the result to show, whether it was made up, and the nanoseconds to hold the tracee
 * before it goes on (0n: none).
 */
export function tamperExit(t: Tampering, c: CallAt, rval: bigint, isErr: boolean, say: Say): { rval: bigint; isErr: boolean; injected: boolean; hold: bigint } {
  const rule = t.rule;
  if (rule.pokeExit && poke(c, rule.pokeExit, say)) t.poked = true;
  const hold = rule.delayExit ?? 0n;
  if (!t.result) return { rval, isErr, injected: false, hold };
  // a skipped call fails with ENOSYS; a pure call run in its place succeeds
  const replaced = rule.syscall !== undefined;
  if (isErr === replaced) {
    const hex = (v: bigint): string => (v ? '0x' + BigInt.asUintN(64, v).toString(16) : '0');
    const shown = isErr ? hex(-1n) : hex(rval);
    say(`Failed to tamper with process ${c.pid}: unexpectedly got ${replaced ? '' : 'no '}error (return value ${shown}, error ${isErr ? -rval : 0n})`);
    return { rval, isErr, injected: false, hold };
  }
  const v = rule.retval ?? -BigInt(rule.error!);
  pokeUser(c.pid, RAX, v);
  return { rval: BigInt.asIntN(64, v), isErr: rule.retval === undefined, injected: true, hold };
}
