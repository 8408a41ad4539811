/** Real-time clock ioctls (type 'p'): struct rtc_time, rtc_wkalrm, rtc_pll_info, rtc_param (strace's rtc.c). */
import { rd } from './args.js';
import type { Ctx } from './types.js';
import { field, int, struct, uint, hex, array, type Field, type Value } from './value.js';
import { flags, symbol, xlat } from './xlat/core.js';
import { fetch, numAt } from './printers.js';

/** The shape of the ioctl dispatcher's table (desc.ts's ArgAt): when the argument prints, and how. */
interface RtcArg {
  at: 'entry' | 'exit';
  print: (c: Ctx, a: bigint) => Value;
  save?: (c: Ctx, a: bigint) => void;
}

const RTC_VL_FLAGS = xlat(() => [
  [1, 'RTC_VL_DATA_INVALID'], [2, 'RTC_VL_BACKUP_LOW'], [4, 'RTC_VL_BACKUP_EMPTY'], [8, 'RTC_VL_ACCURACY_LOW'],
  [16, 'RTC_VL_BACKUP_SWITCH'],
]);
const RTC_PARAMS = xlat(() => [[0, 'RTC_PARAM_FEATURES'], [1, 'RTC_PARAM_CORRECTION'], [2, 'RTC_PARAM_BACKUP_SWITCH_MODE']]);
const RTC_FEATURES = xlat(() =>
  ['ALARM', 'ALARM_RES_MINUTE', 'NEED_WEEK_DAY', 'ALARM_RES_2S', 'UPDATE_INTERRUPT', 'CORRECTION', 'BACKUP_SWITCH_MODE',
    'ALARM_WAKEUP_ONLY'].map((n, i) => [1n << BigInt(i), `1<<RTC_FEATURE_${n}`] as const));
const RTC_BSM = xlat(() => [[0, 'RTC_BSM_DISABLED'], [1, 'RTC_BSM_DIRECT'], [2, 'RTC_BSM_LEVEL'], [3, 'RTC_BSM_STANDBY']]);

const RTC_TIME = 36;
const TM_FIELDS = ['tm_sec', 'tm_min', 'tm_hour', 'tm_mday', 'tm_mon', 'tm_year', 'tm_wday', 'tm_yday', 'tm_isdst'];

/** struct rtc_time: nine ints, the last three left out (`...`) when abbreviating. */
function rtcTime(c: Ctx, b: Uint8Array, off: number): Value {
  const shown = c.opt.abbrev ? 6 : 9;
  return struct(TM_FIELDS.slice(0, shown).map((n, i) => field(n, int(rd.s32(b, off + 4 * i)))), c.opt.abbrev);
}

const time = (c: Ctx, a: bigint): Value => fetch(c, a, RTC_TIME, (b) => rtcTime(c, b, 0), true);

const wkalrm = (c: Ctx, a: bigint): Value =>
  fetch(c, a, 2 + 2 + RTC_TIME, (b) =>
    struct([field('enabled', uint(b[0]!)), field('pending', uint(b[1]!)), field('time', rtcTime(c, b, 4))]), true);

const PLL_FIELDS = ['pll_ctrl', 'pll_value', 'pll_max', 'pll_min', 'pll_posmult', 'pll_negmult'];
const pll = (c: Ctx, a: bigint): Value =>
  fetch(c, a, 32, (b) =>
    struct([...PLL_FIELDS.map((n, i) => field(n, int(rd.s32(b, 4 * i)))), field('pll_clock', int(rd.s64(b, 24)))]), true);

const vl = (c: Ctx, a: bigint): Value =>
  fetch(c, a, 4, (b) => array([flags(RTC_VL_FLAGS, BigInt(rd.u32(b, 0)), 'RTC_VL_???')]), true);

/** struct rtc_param's value, by the parameter it belongs to. */
function paramValue(b: Uint8Array): Field {
  const v = rd.u64(b, 8);
  switch (rd.u64(b, 0)) {
    case 0n: return field('uvalue', flags(RTC_FEATURES, v, '1<<RTC_FEATURE_???'));
    case 1n: return field('svalue', int(rd.s64(b, 8)));
    case 2n: return field('uvalue', symbol(RTC_BSM, v, 'x', 'RTC_BSM_???'));
    default: return field('uvalue', hex(v));
  }
}

const RTC_PARAM = 24;
/** struct rtc_param as given: the parameter, its value when setting, the index; __pad when set. */
function paramIn(b: Uint8Array, set: boolean): Value {
  const f: Field[] = [field('param', symbol(RTC_PARAMS, rd.u64(b, 0), 'x', 'RTC_PARAM_???'))];
  if (set) f.push(paramValue(b));
  f.push(field('index', uint(rd.u32(b, 16))));
  if (rd.u32(b, 20)) f.push(field('__pad', hex(rd.u32(b, 20))));
  return struct(f);
}

/** RTC_PARAM_GET: the request at entry, then ` => ` and the value the kernel filled in. */
const paramGet: RtcArg = {
  at: 'exit',
  save: (c, a) => {
    c.state.argIn = fetch(c, a, RTC_PARAM, (b) => paramIn(b, false));
  },
  print: (c, a) => {
    const given = c.state.argIn as Value;
    if (given.k !== 'struct') return given;
    const out = fetch(c, a, RTC_PARAM, (b) => {
      const f = [paramValue(b)];
      if (rd.u32(b, 20)) f.push(field('__pad', hex(rd.u32(b, 20))));
      return struct(f);
    }, true);
    return { k: 'inout', in: given, out };
  },
};

const entry = (print: RtcArg['print']): RtcArg => ({ at: 'entry', print });
const exit = (print: RtcArg['print']): RtcArg => ({ at: 'exit', print });

/** By request (x86_64 numbers); null: the request takes no argument and strace prints none. */
export const RTC_IOCTLS: Readonly<Record<number, RtcArg | null>> = {
  0x80247008: exit(time), 0x80247009: exit(time), // RTC_ALM_READ, RTC_RD_TIME
  0x40247007: entry(time), 0x4024700a: entry(time), // RTC_ALM_SET, RTC_SET_TIME
  0x4008700c: entry((_c, a) => uint(a)), 0x4008700e: entry((_c, a) => uint(a)), // RTC_IRQP_SET, RTC_EPOCH_SET
  0x8008700b: exit((c, a) => numAt(c, a, true, true, 8)), 0x8008700d: exit((c, a) => numAt(c, a, true, true, 8)), // RTC_IRQP_READ, RTC_EPOCH_READ
  0x80287010: exit(wkalrm), 0x4028700f: entry(wkalrm), // RTC_WKALM_RD, RTC_WKALM_SET
  0x80207011: exit(pll), 0x40207012: entry(pll), // RTC_PLL_GET, RTC_PLL_SET
  0x80047013: exit(vl), // RTC_VL_READ
  0x40187013: paramGet, // RTC_PARAM_GET
  0x40187014: entry((c, a) => fetch(c, a, RTC_PARAM, (b) => paramIn(b, true))), // RTC_PARAM_SET
  // RTC_AIE_ON/OFF, RTC_UIE_ON/OFF, RTC_PIE_ON/OFF, RTC_WIE_ON/OFF, RTC_VL_CLR
  0x7001: null, 0x7002: null, 0x7003: null, 0x7004: null, 0x7005: null, 0x7006: null, 0x700f: null, 0x7010: null,
  0x7014: null,
};
