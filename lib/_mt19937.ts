/**
 * The MT19937 Mersenne Twister as numpy's legacy `RandomState` runs it (private:
 * not re-exported by `mod.ts`): the state regeneration (`mt19937_gen`), the two
 * seedings (`mt19937_seed`, `mt19937_init_by_array`) and the tempering constants
 * that `RandomState` applies inline in its fill loops.
 *
 * @module
 */

/** Words of MT19937 state. */
export const N = 624;
/** MT19937's middle word offset. */
const M = 397;
// The twister's constants as signed 32-bit integers, like its Int32Array state.
const MATRIX_A = 0x9908b0df | 0;
const UPPER_MASK = 0x80000000 | 0;
const LOWER_MASK = 0x7fffffff;
export const TEMPER_B = 0x9d2c5680 | 0;
export const TEMPER_C = 0xefc60000 | 0;

/** Regenerates all 624 words of state (numpy's `mt19937_gen`). */
export function twist(key: Int32Array): void {
  let i = 0;
  let y: number;
  for (; i < N - M; i++) {
    y = (key[i]! & UPPER_MASK) | (key[i + 1]! & LOWER_MASK);
    key[i] = key[i + M]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
  }
  for (; i < N - 1; i++) {
    y = (key[i]! & UPPER_MASK) | (key[i + 1]! & LOWER_MASK);
    key[i] = key[i + (M - N)]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
  }
  y = (key[N - 1]! & UPPER_MASK) | (key[0]! & LOWER_MASK);
  key[N - 1] = key[M - 1]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
}

/** numpy's `mt19937_seed` (Knuth's initialisation of the reference code). */
export function seedWord(key: Int32Array, seed: number): void {
  let s = seed >>> 0;
  for (let i = 0; i < N; i++) {
    key[i] = s;
    s = (Math.imul(1812433253, s ^ (s >>> 30)) + i + 1) >>> 0;
  }
}

/** numpy's `mt19937_init_by_array`. */
export function seedWords(key: Int32Array, words: ArrayLike<number>): void {
  seedWord(key, 19650218);
  const len = words.length;
  let i = 1;
  let j = 0;
  for (let k = Math.max(N, len); k > 0; k--) {
    const prev = key[i - 1]!;
    // The Int32Array store reduces the exact sum modulo 2^32.
    key[i] = (key[i]! ^ Math.imul(prev ^ (prev >>> 30), 1664525)) +
      words[j]! + j;
    i++;
    j++;
    if (i >= N) {
      key[0] = key[N - 1]!;
      i = 1;
    }
    if (j >= len) j = 0;
  }
  for (let k = N - 1; k > 0; k--) {
    const prev = key[i - 1]!;
    key[i] = (key[i]! ^ Math.imul(prev ^ (prev >>> 30), 1566083941)) - i;
    i++;
    if (i >= N) {
      key[0] = key[N - 1]!;
      i = 1;
    }
  }
  key[0] = 0x80000000;
}
