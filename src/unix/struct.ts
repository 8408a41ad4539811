/**
 * Struct layouts from declarative rows: `struct(size, {field: [type, offset]})` gives a decoder and
 * an encoder for the kernel's bytes, and the TypeScript type of the decoded object follows from the
 * row (64-bit fields are bigints, addresses strings, byte ranges Buffers, the rest numbers). The
 * offsets are x86_64's (LP64); aarch64 shares them for every struct declared here.
 */

/** A field's C type: integers little-endian, `*be` in network order, `ipv4`/`ipv6` addresses as text. */
export type FieldType = 'u8' | 'i8' | 'u16' | 'i16' | 'u16be' | 'u32' | 'i32' | 'u64' | 'i64' | 'ipv4' | 'ipv6' | 'bytes' | 'cstr';

/** `[type, offset]`, or `[type, offset, length]` for `bytes` and `cstr` (a NUL-padded char array). */
export type FieldSpec = readonly [FieldType, number] | readonly ['bytes' | 'cstr', number, number];

type ValueOf<T extends FieldType> = T extends 'u64' | 'i64' ? bigint : T extends 'ipv4' | 'ipv6' | 'cstr' ? string : T extends 'bytes' ? Buffer : number;

/** The decoded object of a layout's fields. */
export type StructOf<F extends Record<string, FieldSpec>> = { -readonly [K in keyof F]: ValueOf<F[K][0]> };

/** What encode() accepts: every field optional (missing ones are zero), numbers for 64-bit fields too. */
export type StructInput<F extends Record<string, FieldSpec>> = {
  [K in keyof F]?: F[K][0] extends 'u64' | 'i64' ? number | bigint : ValueOf<F[K][0]>;
};

export interface Layout<F extends Record<string, FieldSpec>> {
  readonly size: number;
  readonly fields: F;
  decode(buf: Uint8Array, offset?: number): StructOf<F>;
  encode(value?: StructInput<F>, into?: Buffer, offset?: number): Buffer;
}

const asBuffer = (b: Uint8Array): Buffer => (Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength));

function readField(b: Buffer, [type, off, len]: readonly [FieldType, number, number?]): unknown {
  switch (type) {
    case 'u8': return b.readUInt8(off);
    case 'i8': return b.readInt8(off);
    case 'u16': return b.readUInt16LE(off);
    case 'i16': return b.readInt16LE(off);
    case 'u16be': return b.readUInt16BE(off);
    case 'u32': return b.readUInt32LE(off);
    case 'i32': return b.readInt32LE(off);
    case 'u64': return b.readBigUInt64LE(off);
    case 'i64': return b.readBigInt64LE(off);
    case 'ipv4': return `${b[off]}.${b[off + 1]}.${b[off + 2]}.${b[off + 3]}`;
    case 'ipv6': {
      const w: string[] = [];
      for (let i = 0; i < 8; i++) w.push(b.readUInt16BE(off + i * 2).toString(16));
      return w.join(':');
    }
    case 'bytes': return Buffer.from(b.subarray(off, off + len!));
    case 'cstr': {
      const s = b.subarray(off, off + len!);
      const nul = s.indexOf(0);
      return s.toString('utf8', 0, nul === -1 ? s.length : nul);
    }
  }
}

function writeField(b: Buffer, [type, off, len]: readonly [FieldType, number, number?], v: unknown, name: string): void {
  const num = (): number => {
    if (typeof v !== 'number' || !Number.isInteger(v)) throw new TypeError(`The "${name}" field must be an integer. Received ${String(v)}`);
    return v;
  };
  switch (type) {
    case 'u8': b.writeUInt8(num(), off); return;
    case 'i8': b.writeInt8(num(), off); return;
    case 'u16': b.writeUInt16LE(num(), off); return;
    case 'i16': b.writeInt16LE(num(), off); return;
    case 'u16be': b.writeUInt16BE(num(), off); return;
    case 'u32': b.writeUInt32LE(num() >>> 0, off); return;
    case 'i32': b.writeInt32LE(num(), off); return;
    case 'u64':
    case 'i64': {
      if (typeof v !== 'bigint' && !(typeof v === 'number' && Number.isSafeInteger(v))) {
        throw new TypeError(`The "${name}" field must be a safe integer or a bigint. Received ${String(v)}`);
      }
      b.writeBigUInt64LE(BigInt.asUintN(64, BigInt(v)), off);
      return;
    }
    case 'ipv4': {
      const parts = typeof v === 'string' ? v.split('.').map(Number) : [];
      if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) {
        throw new TypeError(`The "${name}" field must be a dotted-quad IPv4 address. Received ${String(v)}`);
      }
      Buffer.from(parts).copy(b, off);
      return;
    }
    case 'ipv6': throw new TypeError(`The "${name}" field: encode IPv6 addresses with encodeSockAddr`);
    case 'bytes':
    case 'cstr': {
      const src = typeof v === 'string' ? Buffer.from(v, 'utf8') : v instanceof Uint8Array ? v : null;
      if (!src) throw new TypeError(`The "${name}" field must be a string or bytes`);
      const room = type === 'cstr' ? len! - 1 : len!;
      if (src.byteLength > room) throw new RangeError(`The "${name}" field holds at most ${room} bytes (got ${src.byteLength})`);
      b.set(src, off);
      return;
    }
  }
}

/** A layout from a size and field rows. */
export function struct<const F extends Record<string, FieldSpec>>(size: number, fields: F): Layout<F> {
  const entries = Object.entries(fields) as [string, readonly [FieldType, number, number?]][];
  return {
    size,
    fields,
    decode(buf: Uint8Array, offset = 0): StructOf<F> {
      const b = asBuffer(buf).subarray(offset);
      if (b.length < size) throw new RangeError(`struct: ${b.length} bytes, need ${size}`);
      const out: Record<string, unknown> = {};
      for (const [name, spec] of entries) out[name] = readField(b, spec);
      return out as StructOf<F>;
    },
    encode(value: StructInput<F> = {}, into?: Buffer, offset = 0): Buffer {
      const b = into ? into.subarray(offset, offset + size) : Buffer.alloc(size);
      if (value === null || typeof value !== 'object') throw new TypeError(`struct: expected an object, got ${String(value)}`);
      for (const [name, spec] of entries) {
        const v = (value as Record<string, unknown>)[name];
        if (v !== undefined) writeField(b, spec, v, name);
      }
      return into ?? b;
    },
  };
}

/** An array of `n` consecutive structs decoded from `buf`. */
export function decodeArray<F extends Record<string, FieldSpec>>(layout: Layout<F>, buf: Uint8Array, n: number): StructOf<F>[] {
  const out: StructOf<F>[] = [];
  for (let i = 0; i < n; i++) out.push(layout.decode(buf, i * layout.size));
  return out;
}
