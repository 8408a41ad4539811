/**
 * --tips[=[[id:]ID][,[format:]FORMAT]]: a tip on stderr as sysray ends, in the box strace 6.1
 * draws (strauss.c's print_totd): a 44-column speech bubble. The tips are sysray's own words.
 * strace draws its mascot beside the box; that drawing is strace's artwork, not a fact about its
 * output, so sysray leaves it out (and `full` draws the same box as `compact`).
 */

export type TipsFormat = 'none' | 'compact' | 'full';

/** What --tips asked for: a tip number (wrapped round the list) or a random one, and how much to draw. */
export interface Tips {
  id: number | 'random';
  format: TipsFormat;
}

/** One tip, as lines of at most 44 columns. */
const TIPS: readonly (readonly string[])[] = [
  ['-e trace=%file shows every call that takes', 'a file name; %desc every call on a file', 'descriptor; %network, %process, %signal,', '%ipc and %memory pick their families too.'],
  ['-f follows the children the program forks', 'and its threads; with -o FILE, -ff writes', 'one FILE.PID per process.'],
  ['-y prints the path behind each descriptor:', 'read(3</etc/hostname>, ...). -yy adds', 'socket addresses and device numbers.'],
  ['-T shows how long each call took; -r the', 'time since the previous line; -tt the time', 'of day with microseconds.'],
  ['-c counts calls, errors and time per', 'syscall and prints a table at the end;', '-C prints it after the trace as well.'],
  ['-e inject=open:error=ENOENT:when=3 makes', 'the third open fail: a cheap way to test a', "program's error paths without touching", 'its files.'],
  ['-e inject=SET:delay_enter=100ms slows', 'chosen calls down, which can bring a race', 'into the open; delay_exit= holds the', 'tracee after the call instead.'],
  ['-e inject=SET:retval=0 makes a call', 'succeed without running it; with', 'syscall=getpid a harmless call runs in', 'its place.'],
  ['-p PID attaches to a running process; Ctrl-C', 'detaches and leaves it running as before.'],
  ['-P PATH keeps only the calls that touch', 'PATH, by name or through a descriptor', 'that refers to it.'],
  ['-z shows only calls that succeeded, -Z only', 'those that failed: -Z is often the', 'quickest way to see what a program missed.'],
  ['-s 256 prints strings up to 256 bytes', 'instead of 32; -v prints structures and', 'arrays in full.'],
  ['-x prints non-ASCII bytes of strings in hex;', '-xx prints every byte in hex.'],
  ['-X verbose prints named constants with', 'their numbers; -X raw prints the numbers', 'alone.'],
  ['-e status=unfinished shows the calls a', 'process never returned from: where a hung', 'program is stuck.'],
  ['-e read=0 and -e write=1 print hex dumps', 'of what the program reads from stdin and', 'writes to stdout.'],
  ['-k prints the stack of each traced call:', 'which function in which library made it.'],
  ['-Y prints the name of the process a pid', 'stands for: kill(4242<sh>, SIGTERM).'],
  ['-D runs the tracer as a detached', 'grandchild, so the traced program keeps', 'its own pid and stays the child of the', 'shell that started it.'],
  ['--seccomp-bpf lets the kernel skip the', 'stops for calls that are not traced: with', '-f and a short -e trace= list, the program', 'runs much closer to full speed.'],
  ['-o "|grep open" sends the trace through a', 'command, even when the program itself', "writes to sysray's stderr."],
  ['-e signal=none hides signal lines; -e', 'quiet=exit hides the "+++ exited" lines.'],
  ['--json writes one JSON object per event,', 'ready for jq or a script of your own.'],
  ['--effects summarises what the program did:', 'files, connections, processes, errors.'],
];

const TOP = '  ' + '_'.repeat(46) + '    ';
const BOTTOM = ' \\' + '_'.repeat(46) + '/   ';
const LEFT = [' / ', ' | '];
const RIGHT = [' \\   ', ' |   ', ' \\   ', '  \\  ', '  _\\ ', ' /   ', ' |   '];
const WIDTH = TOP.length - LEFT[0]!.length - RIGHT[0]!.length;
const MAX_LINES = 13;

/**
 * strace's parse_tips_arg: comma-separated tokens, each `id:N`/`id:random`, `format:F`, or a bare
 * number, `random` or format name (matched without regard to case); later tokens win. Undefined
 * if a token is none of these.
 */
export function parseTips(arg: string, prev: Tips | undefined): Tips | undefined {
  let id = prev?.id ?? 'random';
  let format: TipsFormat = prev && prev.format !== 'none' ? prev.format : 'compact';
  for (const tok of arg.split(',')) {
    if (tok === '') continue;
    let t = tok, asId = true, asFormat = true;
    if (/^id:/i.test(t)) {
      t = t.slice(3);
      asFormat = false;
    } else if (/^format:/i.test(t)) {
      t = t.slice(7);
      asId = false;
    }
    if (asId && t.toLowerCase() === 'random') id = 'random';
    else if (asId && /^[ \t\n\v\f\r]*[+-]?[0-9]+$/.test(t) && Number(t) >= 0 && Number(t) <= 0x7fffffff) id = Number(t);
    else if (asFormat && ['none', 'compact', 'full'].includes(t.toLowerCase())) format = t.toLowerCase() as TipsFormat;
    else return undefined;
  }
  return { id, format };
}

/** The tip box as strace draws it (empty for format none). `random` picks a tip with Math.random. */
export function tipsText(tips: Tips, random: () => number = Math.random): string {
  if (tips.format === 'none') return '';
  const tip = TIPS[(tips.id === 'random' ? Math.floor(random() * 0x7fffffff) : tips.id) % TIPS.length]!;
  const out = [TOP, LEFT[0] + ' '.repeat(WIDTH) + RIGHT[0]];
  for (let i = 0; i < MAX_LINES && (i < tip.length || i < RIGHT.length - 1); i++) {
    const text = (tip[i] ?? '').slice(0, WIDTH).padEnd(WIDTH);
    out.push(LEFT[Math.min(i + 1, LEFT.length - 1)] + text + RIGHT[Math.min(i + 1, RIGHT.length - 1)]);
  }
  out.push(BOTTOM);
  return out.map((l) => l.trimEnd()).join('\n') + '\n';
}
