import { createHash } from 'node:crypto';

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A {@link SeededRandom}'s place in its stream, as the state document carries it. */
export interface RandomPosition {
  counter: number;
  pool: string;
}

/**
 * A deterministic byte stream (SHA-256 in counter mode over the seed). The mock mints codes,
 * session keys and ids from it, so one seed replays the same sequence of values.
 */
export class SeededRandom {
  #counter = 0;
  #pool = Buffer.alloc(0);
  readonly #seed: string;

  constructor(seed: string | number) {
    this.#seed = String(seed);
  }

  /** Where the stream is: blocks drawn so far and the unread bytes of the last one (hex). */
  position(): RandomPosition {
    return { counter: this.#counter, pool: this.#pool.toString('hex') };
  }

  /** The stream of `seed` at `position`, so it goes on with the values it would have given. */
  static at(seed: string | number, position: RandomPosition): SeededRandom {
    const random = new SeededRandom(seed);
    random.#counter = position.counter;
    random.#pool = Buffer.from(position.pool, 'hex');
    return random;
  }

  bytes(n: number): Buffer {
    while (this.#pool.length < n) {
      const block = createHash('sha256').update(`${this.#seed}:${this.#counter++}`).digest();
      this.#pool = Buffer.concat([this.#pool, block]);
    }
    const out = this.#pool.subarray(0, n);
    this.#pool = this.#pool.subarray(n);
    return Buffer.from(out);
  }

  /** `n` lowercase hex characters. */
  hex(n: number): string {
    return this.bytes(Math.ceil(n / 2))
      .toString('hex')
      .slice(0, n);
  }

  /** `n` characters of `[0-9A-Za-z]`. */
  alnum(n: number): string {
    const bytes = this.bytes(n);
    let out = '';
    for (const b of bytes) out += ALNUM[b % ALNUM.length];
    return out;
  }

  /** Base64 of `n` random bytes (a WeChat session_key is `base64(16 bytes)`). */
  base64(n: number): string {
    return this.bytes(n).toString('base64');
  }

  /** An integer in `[0, max)`. */
  int(max: number): number {
    return this.bytes(4).readUInt32BE(0) % max;
  }
}
