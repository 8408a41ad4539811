/** Constant tables of the sigtime family (signals, time, timers, system info). */
import { xlat } from './core.js';

/** struct timex modes (adjtimex_modes); multi-bit entries first, as strace matches them. */
export const ADJTIMEX_MODES = xlat([
  [0xa001, 'ADJ_OFFSET_SS_READ'], [0x8001, 'ADJ_OFFSET_SINGLESHOT'], [0x0001, 'ADJ_OFFSET'], [0x0002, 'ADJ_FREQUENCY'],
  [0x0004, 'ADJ_MAXERROR'], [0x0008, 'ADJ_ESTERROR'], [0x0010, 'ADJ_STATUS'], [0x0020, 'ADJ_TIMECONST'],
  [0x0080, 'ADJ_TAI'], [0x0100, 'ADJ_SETOFFSET'], [0x1000, 'ADJ_MICRO'], [0x2000, 'ADJ_NANO'], [0x4000, 'ADJ_TICK'],
]);

/** struct timex status bits (adjtimex_status). */
export const ADJTIMEX_STATUS = xlat([
  [0x0001, 'STA_PLL'], [0x0002, 'STA_PPSFREQ'], [0x0004, 'STA_PPSTIME'], [0x0008, 'STA_FLL'], [0x0010, 'STA_INS'],
  [0x0020, 'STA_DEL'], [0x0040, 'STA_UNSYNC'], [0x0080, 'STA_FREQHOLD'], [0x0100, 'STA_PPSSIGNAL'],
  [0x0200, 'STA_PPSJITTER'], [0x0400, 'STA_PPSWANDER'], [0x0800, 'STA_PPSERROR'], [0x1000, 'STA_CLOCKERR'],
  [0x2000, 'STA_NANO'], [0x4000, 'STA_MODE'], [0x8000, 'STA_CLK'],
]);

/** adjtimex's return value: the clock state (adjtimex_state). */
export const ADJTIMEX_STATE = xlat([
  [0, 'TIME_OK'], [1, 'TIME_INS'], [2, 'TIME_DEL'], [3, 'TIME_OOP'], [4, 'TIME_WAIT'], [5, 'TIME_ERROR'],
]);

/** syslog(2) actions (syslog_action_type). */
export const SYSLOG_ACTIONS = xlat([
  [0, 'SYSLOG_ACTION_CLOSE'], [1, 'SYSLOG_ACTION_OPEN'], [2, 'SYSLOG_ACTION_READ'], [3, 'SYSLOG_ACTION_READ_ALL'],
  [4, 'SYSLOG_ACTION_READ_CLEAR'], [5, 'SYSLOG_ACTION_CLEAR'], [6, 'SYSLOG_ACTION_CONSOLE_OFF'],
  [7, 'SYSLOG_ACTION_CONSOLE_ON'], [8, 'SYSLOG_ACTION_CONSOLE_LEVEL'], [9, 'SYSLOG_ACTION_SIZE_UNREAD'],
  [10, 'SYSLOG_ACTION_SIZE_BUFFER'],
]);

/** The console log levels syslog's SYSLOG_ACTION_CONSOLE_LEVEL takes (syslog_console_levels). */
export const SYSLOG_CONSOLE_LEVELS = xlat([
  [0, 'LOGLEVEL_EMERG'], [1, 'LOGLEVEL_ALERT'], [2, 'LOGLEVEL_CRIT'], [3, 'LOGLEVEL_ERR'], [4, 'LOGLEVEL_WARNING'],
  [5, 'LOGLEVEL_NOTICE'], [6, 'LOGLEVEL_INFO'], [7, 'LOGLEVEL_DEBUG'], [8, 'LOGLEVEL_DEBUG+1'],
]);
