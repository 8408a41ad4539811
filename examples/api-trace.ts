/**
 * Run a command under sysray's API and say what it did: the programs it ran, the files it opened
 * (and how), the files it could not open, and how it ended. Its own output passes through.
 *
 * Run: npm run build && node dist/examples/api-trace.js sh -c 'ls / > /dev/null'
 * In your own code: import { trace } from 'sysray';
 */
import { trace, SysrayError, type JsonValue } from '../src/api/index.js';

const text = (v: JsonValue | undefined): string => (v?.kind === 'string' ? (v.text ?? `<${v.hex ?? ''}>`) : '?');

async function main(argv: string[]): Promise<number> {
  if (!argv.length) {
    console.error('usage: api-trace COMMAND [ARGS]');
    return 2;
  }
  const t = trace(argv, { follow: true, filter: ['trace=execve,openat,open,creat'] });
  const ran: string[] = [], opened = new Map<string, string>(), failed = new Map<string, string>();
  try {
    for await (const ev of t) {
      if (ev.type !== 'syscall') continue;
      if (ev.name === 'execve' && !ev.errno) {
        const args = ev.args[1];
        ran.push(args?.kind === 'array' ? args.items.map(text).join(' ') : text(ev.args[0]));
        continue;
      }
      // openat(dirfd, path, flags, …); open(path, flags, …); creat(path, mode)
      const at = ev.name === 'openat' ? 1 : 0;
      const path = text(ev.args[at]);
      const flags = ev.args[at + 1];
      const how = ev.name === 'creat' ? 'O_CREAT|O_WRONLY|O_TRUNC' : flags?.kind === 'flags' ? flags.names.join('|') : '';
      if (ev.errno) failed.set(path, String(ev.errno));
      else opened.set(path, how);
    }
  } catch (e) {
    if (!(e instanceof SysrayError)) throw e;
    console.error(`api-trace: ${e.message}`);
    return 1;
  }
  const status = await t.exit;
  console.log(`\nran:\n${ran.map((r) => `  ${r}`).join('\n')}`);
  console.log(`opened:\n${[...opened].map(([p, how]) => `  ${p} (${how})`).join('\n')}`);
  if (failed.size) console.log(`could not open:\n${[...failed].map(([p, e]) => `  ${p} (${e})`).join('\n')}`);
  console.log(`ended: ${JSON.stringify(status)}`);
  return 'code' in status ? status.code : 1;
}

process.exitCode = await main(process.argv.slice(2));
