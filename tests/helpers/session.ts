/** What is left of a command once it has returned: the processes of its process group or session, and whether one is gone. */
import { readdirSync, readFileSync } from 'node:fs';

/** Pids of the processes whose process group or session is `id` (zombies and exiting ones included). */
export function inSession(id: number): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // pid (comm) state ppid pgrp session …: comm may hold spaces and parentheses
    const [, , pgrp, session] = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
    if (pgrp === id || session === id) found.push(Number(name));
  }
  return found;
}

/** Whether `pid` is gone (or a zombie nobody has reaped yet). */
export function gone(pid: number): boolean {
  try {
    return /^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'latin1'));
  } catch {
    return true;
  }
}
