/**
 * Virtual console (linux/kd.h) and keyboard map (linux/keyboard.h) constants, by the names strace
 * prints for the 'K' ioctls. Key values are K(type, value) = type << 8 | value.
 */
import { bits, indexed, xlat, type Xlat } from './core.js';

export const KD_LED_FLAGS = bits(['LED_SCR', 'LED_NUM', 'LED_CAP']);
/** KDGKBLED/KDSKBLED: the lit LEDs, then the default ones four bits up. */
export const KD_DEFAULT_LED_FLAGS = xlat(() => [
  [1, 'LED_SCR'], [2, 'LED_NUM'], [4, 'LED_CAP'], [0x10, 'LED_SCR<<4'], [0x20, 'LED_NUM<<4'], [0x40, 'LED_CAP<<4'],
]);
export const KD_KBD_TYPES = xlat(() => [[1, 'KB_84'], [2, 'KB_101'], [3, 'KB_OTHER']]);
export const KD_MODES = indexed(['KD_TEXT', 'KD_GRAPHICS', 'KD_TEXT0', 'KD_TEXT1']);
export const KD_KBD_MODES = indexed(['K_RAW', 'K_XLATE', 'K_MEDIUMRAW', 'K_UNICODE', 'K_OFF']);
export const KD_META_VALS = xlat(() => [[3, 'K_METABIT'], [4, 'K_ESCPREFIX']]);
export const KD_KEY_TABLES = indexed(['K_NORMTAB', 'K_SHIFTTAB', 'K_ALTTAB', 'K_ALTSHIFTTAB']);
export const KD_FONT_OPS = indexed(['KD_FONT_OP_SET', 'KD_FONT_OP_GET', 'KD_FONT_OP_SET_DEFAULT', 'KD_FONT_OP_COPY']);
export const KD_FONT_FLAGS = xlat(() => [[1, 'KD_FONT_FLAG_DONT_RECALC'], [0x80000000, 'KD_FONT_FLAG_OLD']]);

/** The modifier bits (KG_*), in bit order: keymap flags, and the shift/lock key names built on them. */
const KG = ['SHIFT', 'ALTGR', 'CTRL', 'ALT', 'SHIFTL', 'SHIFTR', 'CTRLL', 'CTRLR', 'CAPSSHIFT'];
export const KD_KEYMAP_FLAGS = bits(KG.slice(0, 8).map((n) => `1<<KG_${n}`));

/** Key types (KT_*), the high byte of a key value. */
export const KD_KEY_TYPES = indexed([
  'KT_LATIN', 'KT_FN', 'KT_SPEC', 'KT_PAD', 'KT_DEAD', 'KT_CONS', 'KT_CUR', 'KT_SHIFT', 'KT_META', 'KT_ASCII', 'KT_LOCK',
  'KT_LETTER', 'KT_SLOCK', 'KT_DEAD2', 'KT_BRL',
]);

/** Function keys by their value: F1..F20, the editing keys, F21..F245, then K_UNDO at 255. */
const FN_NAMES = (): string[] => [
  ...Array.from({ length: 20 }, (_, i) => `F${i + 1}`),
  'FIND', 'INSERT', 'REMOVE', 'SELECT', 'PGUP', 'PGDN', 'MACRO', 'HELP', 'DO', 'PAUSE',
  ...Array.from({ length: 225 }, (_, i) => `F${i + 21}`),
  'UNDO',
];
/** KDGKBSENT's kb_func: the function key's value alone, `KVAL(K_F1)`. */
export const KD_KEY_FN_KEY_VALS = xlat(() => FN_NAMES().map((n, i) => [i, `KVAL(K_${n})`] as const));

/** Named keys of one type: `names[i]` is K(type, i). */
const keys = (type: number, names: () => string[]): Xlat => xlat(() => names().map((n, i) => [(type << 8) | i, n] as const));

const FN_KEYS = keys(1, () => FN_NAMES().map((n) => `K_${n}`));
const SPEC_KEYS = xlat(() => [
  ...['HOLE', 'ENTER', 'SH_REGS', 'SH_MEM', 'SH_STAT', 'BREAK', 'CONS', 'CAPS', 'NUM', 'HOLD', 'SCROLLFORW',
    'SCROLLBACK', 'BOOT', 'CAPSON', 'COMPOSE', 'SAK', 'DECRCONSOLE', 'INCRCONSOLE', 'SPAWNCONSOLE', 'BARENUMLOCK']
    .map((n, i) => [(2 << 8) | i, `K_${n}`] as const),
  [(2 << 8) | 126, 'K_ALLOCATED'], [(2 << 8) | 127, 'K_NOSUCHMAP'],
]);
const PAD_KEYS = keys(3, () => [
  ...Array.from({ length: 10 }, (_, i) => `K_P${i}`),
  'K_PPLUS', 'K_PMINUS', 'K_PSTAR', 'K_PSLASH', 'K_PENTER', 'K_PCOMMA', 'K_PDOT', 'K_PPLUSMINUS', 'K_PPARENL', 'K_PPARENR',
]);
const DEAD_KEYS = keys(4, () => [
  'GRAVE', 'ACUTE', 'CIRCM', 'TILDE', 'DIERE', 'CEDIL', 'MACRON', 'BREVE', 'ABDOT', 'ABRING', 'DBACUTE', 'CARON', 'OGONEK',
  'IOTA', 'VOICED', 'SEMVOICED', 'BEDOT', 'HOOK', 'HORN', 'STROKE', 'ABCOMMA', 'ABREVCOMMA', 'DBGRAVE', 'INVBREVE',
  'BECOMMA', 'CURRENCY', 'GREEK',
].map((n) => `K_D${n}`));
const CUR_KEYS = keys(6, () => ['K_DOWN', 'K_LEFT', 'K_RIGHT', 'K_UP']);
const SHIFT_KEYS = keys(7, () => KG.map((n) => `K_${n}`));
const ASCII_KEYS = keys(9, () => [
  ...Array.from({ length: 10 }, (_, i) => `K_ASC${i}`),
  ...Array.from({ length: 16 }, (_, i) => `K_HEX${i.toString(16)}`),
]);
const LOCK_KEYS = keys(10, () => KG.map((n) => `K_${n}LOCK`));
const SLOCK_KEYS = keys(12, () => KG.map((n) => `K_${n}_SLOCK`));
const BRL_KEYS = keys(14, () => ['K_BRL_BLANK', ...Array.from({ length: 10 }, (_, i) => `K_BRL_DOT${i + 1}`)]);

/** The named keys of each key type strace names one by one (the others print as K(type, value)). */
export const KD_KEYS_BY_TYPE: Readonly<Record<number, Xlat>> = {
  1: FN_KEYS, 2: SPEC_KEYS, 3: PAD_KEYS, 4: DEAD_KEYS, 6: CUR_KEYS, 7: SHIFT_KEYS, 9: ASCII_KEYS, 10: LOCK_KEYS,
  12: SLOCK_KEYS, 14: BRL_KEYS,
};
