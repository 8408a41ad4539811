import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { ioctlCode, ioctlName } from '../../../src/decode/xlat/ioctls.js';

/** The table's text, read from the source: the expected names are made from it independently. */
function table(): [number, string][] {
  const src = readFileSync(fileURLToPath(new URL('../../../../src/decode/xlat/ioctls.ts', import.meta.url)), 'utf8');
  const data = /const DATA = `([^`]*)`/.exec(src)?.[1];
  assert.ok(data, 'DATA not found in ioctls.ts');
  return data.split('\n').filter(Boolean).map((l) => {
    const [hex, name, ...rest] = l.split(' ');
    assert.equal(rest.length, 0, l);
    return [parseInt(hex!, 16), name!];
  });
}

test('ioctlName gives every code of the table its names, joined with " or " in table order', () => {
  const expected = new Map<number, string>();
  for (const [code, name] of table()) expected.set(code, expected.has(code) ? `${expected.get(code)} or ${name}` : name);
  assert.ok(expected.size > 3000);
  for (const [code, names] of expected) assert.equal(ioctlName(code), names, code.toString(16));
  // asked twice (the second answer comes from what the first found)
  assert.equal(ioctlName(0x5401), 'TCGETS');
  assert.equal(ioctlName(0x5404), 'SNDCTL_TMR_CONTINUE or TCSETSF');
});

test('ioctlName knows no code outside the table, nor a prefix or suffix of one', () => {
  // 0x540 and 0x54010 share digits with TCGETS (0x5401); 0 and 0xffffffff are in no table
  for (const code of [0, 0x540, 0x54010, 0xffffffff, 0xdeadbeef]) assert.equal(ioctlName(code), undefined, code.toString(16));
  // a negative number is the same 32-bit request
  assert.equal(ioctlName(0x80045430 | 0), ioctlName(0x80045430));
});

test('ioctlCode and ioctlName agree', () => {
  for (const [code, name] of table()) assert.equal(ioctlCode(name) !== undefined && ioctlName(ioctlCode(name)!)!.split(' or ').includes(name), true, name);
  assert.equal(ioctlName(code('FICLONE')), 'BTRFS_IOC_CLONE or FICLONE');
});

const code = (name: string): number => ioctlCode(name)!;
