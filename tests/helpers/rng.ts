/**
 * The fuzzers' seeded random numbers (a case replays from its seed): xorshift32, fast, BigInts only
 * where a 64-bit value is wanted.
 */
export class Rng {
  private x: number;
  constructor(seed: bigint) {
    this.x = Number(BigInt.asUintN(32, seed ^ (seed >> 32n))) || 0x9e3779b9;
    for (let i = 0; i < 8; i++) this.u32();
  }
  u32(): number {
    let x = this.x;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.x = x >>> 0;
    return this.x;
  }
  u64(): bigint {
    return (BigInt(this.u32()) << 32n) | BigInt(this.u32());
  }
  /** An integer in [0, n), n < 2^32. */
  below(n: number): number {
    return this.u32() % n;
  }
}
