/**
 * `RandomState`: numpy's legacy `numpy.random.RandomState`, reproduced bit for bit.
 *
 * The generator is the 32-bit Mersenne Twister (MT19937) seeded exactly as numpy
 * seeds it, and every method consumes the stream exactly as numpy's legacy code
 * does, so `new RandomState(42).randn(5)` equals `np.random.RandomState(42).randn(5)`
 * to the last bit. That lets a notebook quote numpy's numbers, and lets the tests
 * compare against golden values written by numpy (`tools/fixtures/random_state.py`).
 *
 * Shapes follow numpy's `size` argument: omitted gives one number, a count `k` gives
 * a `Float64Array` of length `k`, and `[rows, cols]` gives a row-major `Matrix`
 * (from `lib/linalg.ts`) filled in numpy's C order. Integer-valued methods
 * (`randint`, `permutation`, `choice`, `binomial`) return their integers in the same
 * `Float64Array`s.
 *
 * numpy's Gaussians go through the C library's `log`, whose last bit depends on the
 * platform; this module reproduces glibc's (Linux, x86-64 with FMA), where numpy's
 * golden values were written. Uniform and integer streams do not depend on libm.
 *
 * @module
 */

import { Matrix } from "./linalg.ts";
import {
  allocate,
  checkFinite,
  checkInteger,
  checkNonNegative,
  checkProbability,
  describe,
  MAX_LENGTH,
  toFloat64Array,
} from "./validate.ts";

/** Words of MT19937 state. */
const N = 624;
/** MT19937's middle word offset. */
const M = 397;
// The twister's constants as signed 32-bit integers, like its Int32Array state.
const MATRIX_A = 0x9908b0df | 0;
const UPPER_MASK = 0x80000000 | 0;
const LOWER_MASK = 0x7fffffff;
const TEMPER_B = 0x9d2c5680 | 0;
const TEMPER_C = 0xefc60000 | 0;
/** 2^-53: scales a 53-bit integer into [0, 1). Exact, so equal to dividing by 2^53. */
const TWO_POW_MINUS_53 = 1.1102230246251565e-16;
/** 2^-52, so that 2 * random_double() - 1 is one multiply and one subtraction. */
const TWO_POW_MINUS_52 = 2.220446049250313e-16;
const TWO_POW_32 = 4294967296;
/** Largest seed word numpy accepts. */
const SEED_MAX = 4294967295;
/** Most values one call may return. */
/** The library-wide array limit (2^28 values, 2 GiB): larger requests are refused. */
const MAX_ELEMENTS = MAX_LENGTH;
/** Largest integer a float64 holds exactly. */
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** numpy's tolerance on `sum(p) - 1` in `choice`: sqrt(float64 eps). */
const P_SUM_ATOL = Math.sqrt(Number.EPSILON);

/**
 * How many values to draw, and in what shape, as numpy's `size`: a count `k` for a
 * vector of length `k`, or `[rows, cols]` for a row-major matrix. Leaving `size` out
 * draws a single number.
 *
 * @example
 * ```ts
 * import { RandomState, type Size } from "./random.ts";
 * import assert from "node:assert/strict";
 *
 * const size: Size = [2, 3];
 * assert.equal(new RandomState(0).rand(size).data.length, 6);
 * ```
 */
export type Size = number | readonly [number, number];

/**
 * What a sampling method returns for a given `size`: a number when `size` is left
 * out, a `Float64Array` for a count, a row-major {@link Matrix} for `[rows, cols]`.
 *
 * @example
 * ```ts
 * import { RandomState, type Sample } from "./random.ts";
 * import assert from "node:assert/strict";
 *
 * const v: Sample<number> = new RandomState(0).randn(4);
 * assert.ok(v instanceof Float64Array);
 * ```
 */
export type Sample<S> = S extends number ? Float64Array
  : S extends readonly [number, number] ? Matrix
  : number;

/**
 * Options of {@link RandomState.choice}: numpy's `replace` and `p`.
 *
 * @example
 * ```ts
 * import { type ChoiceOptions, RandomState } from "./random.ts";
 * import assert from "node:assert/strict";
 *
 * const options: ChoiceOptions = { replace: false, p: [0.5, 0.25, 0.25, 0] };
 * const draw = new RandomState(0).choice(4, 3, options);
 * assert.deepEqual([...draw].sort(), [0, 1, 2]);
 * ```
 */
export interface ChoiceOptions {
  /** Draw with replacement (numpy's default, `true`) or without. */
  replace?: boolean;
  /** Probabilities of the population's entries: non-negative, summing to 1. */
  p?: ArrayLike<number>;
}

/** Regenerates all 624 words of state (numpy's `mt19937_gen`). */
function twist(key: Int32Array): void {
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
function seedWord(key: Int32Array, seed: number): void {
  let s = seed >>> 0;
  for (let i = 0; i < N; i++) {
    key[i] = s;
    s = (Math.imul(1812433253, s ^ (s >>> 30)) + i + 1) >>> 0;
  }
}

/** numpy's `mt19937_init_by_array`. */
function seedWords(key: Int32Array, words: ArrayLike<number>): void {
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

// ------------------------------------------------------------------ glibc's log
//
// numpy's legacy Gaussian calls the C library's `log`, so matching numpy bit for
// bit means matching glibc's `log`, which V8's `Math.log` does not (they differ in
// the last bit for about 1 input in 3000). This is glibc's algorithm (2.28+, from
// ARM's optimized-routines) with its tables, in the fused multiply-add form its
// x86-64 build selects on CPUs with FMA. Checked against glibc 2.36 on 2e7 inputs.

/** Bit access to one float64 (little-endian: word 1 is the high word). */
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const SPLITTER = 134217729; // 2^27 + 1

const LN2HI = 0.6931471805598903;
const LN2LO = 5.497923018708371e-14;
const A0 = -0.5000000000000001;
const A1 = 0.33333333331825593;
const A2 = -0.2499999999622955;
const A3 = 0.20000304511814496;
const A4 = -0.16667054827627667;
const B0 = -0.5;
const B1 = 0.3333333333333352;
const B2 = -0.24999999999998432;
const B3 = 0.19999999999320328;
const B4 = -0.16666666669929706;
const B5 = 0.14285715076560868;
const B6 = -0.12499997863982555;
const B7 = 0.11110712032936046;
const B8 = -0.10000486757818193;
const B9 = 0.09181994006195467;
const B10 = -0.08328363062289341;
/** 2^-46: a generous bound on the relative gap between fused and unfused sums. */
const FMA_SLACK = 1.4210854715202004e-14;
/** FMA_SLACK times the largest |k · LN2LO| (|k| ≤ 1075): the `klo` term's share. */
const KLO_SLACK = 1075 * LN2LO * FMA_SLACK;

/**
 * glibc's `__log_data.tab`: (1/c, log c) for 128 subintervals of [0x1.6p-1, 0x1.6p0),
 * copied from glibc's e_log_data.c (as decimal literals that round-trip exactly).
 */
// deno-fmt-ignore
const LOG_TAB = [
  1.4504249240398293, -0.3718565645633589,
  1.442253508327276, -0.36620682668944937,
  1.4341736174350004, -0.3605888069791945,
  1.426183816329995, -0.3550022171419869,
  1.4182825527052965, -0.34944666968829097,
  1.4104682921759335, -0.3439217713603284,
  1.4027396147468003, -0.3384271921261188,
  1.3950954438932313, -0.332962831494342,
  1.3875338232485754, -0.32752794345742586,
  1.3800539211058593, -0.32212257167088865,
  1.3726542695419708, -0.3167462884799761,
  1.3653332798446802, -0.3113985598928366,
  1.358090204587874, -0.3060794515165526,
  1.3509234892132138, -0.300788424667644,
  1.3438320840699889, -0.2955252968476998,
  1.3368146974742003, -0.29028969275850613,
  1.329870114677736, -0.2850812793277555,
  1.322997339161106, -0.27989987391470095,
  1.316195352741367, -0.27474526621870154,
  1.3094628125672239, -0.2696169863701243,
  1.3027990455471041, -0.26451506180308115,
  1.2962024229438942, -0.2594387762767383,
  1.2896726275815547, -0.2543884090981692,
  1.2832080305745537, -0.24936321635129843,
  1.276807885983376, -0.24436312405975968,
  1.2704714060687552, -0.23938801747897287,
  1.2641976054949482, -0.23443761696705678,
  1.257985357514882, -0.22951151871518505,
  1.2518337750655457, -0.2246094963439873,
  1.2457421919097305, -0.21973149037705753,
  1.2397094966625508, -0.2148770752847895,
  1.2337348463589233, -0.210046029103637,
  1.2278176973028803, -0.20523836373934046,
  1.2219570190618474, -0.20045368751368642,
  1.2161519732977757, -0.1956917537758045,
  1.2104018095009725, -0.19095237845203883,
  1.204705805718973, -0.18623539250290833,
  1.1990631185441964, -0.18154051731551135,
  1.1934733004462308, -0.1768677957431919,
  1.1879350812847385, -0.17221657406412305,
  1.1824481322833125, -0.16758697765942543,
  1.1770114976921955, -0.16297859687290384,
  1.1716248121809465, -0.15839151377804228,
  1.1662869231674715, -0.15382513241456763,
  1.1609977486762766, -0.14927976358922024,
  1.1557563220795803, -0.14475495398119165,
  1.1505619105480347, -0.14025044090817573,
  1.1454138888505974, -0.1357660466685502,
  1.140311877374656, -0.1313018016355727,
  1.1352550225747513, -0.12685731518763532,
  1.1302429094831266, -0.1224325737671279,
  1.1252747693068048, -0.11802724521862729,
  1.1203501571039876, -0.11364127671663482,
  1.1154683327680124, -0.10927434611278386,
  1.1106291463292157, -0.10492665324943573,
  1.1058315813301596, -0.10059761422644442,
  1.1010752177696026, -0.09628717309055901,
  1.0963597137952512, -0.09199534069557558,
  1.0916844827550398, -0.08772190036688698,
  1.0870487291277784, -0.08346643613867855,
  1.082452357388312, -0.07922916827544668,
  1.0778948225025884, -0.0750099004750382,
  1.0733751731601076, -0.07080805133352897,
  1.068893585073351, -0.06662408085151128,
  1.0644491706655506, -0.06245745471915143,
  1.0600414846328305, -0.0583080438042316,
  1.0556701316181605, -0.05417576112313327,
  1.051334750556926, -0.050060547896805474,
  1.0470347288442157, -0.045962101199052086,
  1.0427699229652954, -0.04188056008865715,
  1.0385395013738175, -0.03781540056183985,
  1.034343418940345, -0.03376684757915882,
  1.0301811073173315, -0.029734619131772888,
  1.026052043621297, -0.025718470239212365,
  1.0219561082336197, -0.021718543925430822,
  1.0178926505784922, -0.01773446126981071,
  1.0138614436244586, -0.013766252464051831,
  1.0098620186501341, -0.009813706322574944,
  1.0058938559734134, -0.005876555150052809,
  1.00195696235014, -0.0019550499938532084,
  0.9961089923088509, 0.0038985973556009412,
  0.9884170338185201, 0.011650571286395461,
  0.9808429191005297, 0.019342955478919066,
  0.9733840169987446, 0.0269766014846482,
  0.9660377568876556, 0.034552359728422744,
  0.9588014945307369, 0.04207121767183253,
  0.9516728569073111, 0.049533940950141186,
  0.9446494635965822, 0.056941358295944156,
  0.9377288993026223, 0.06429439168346107,
  0.9309091073790681, 0.0715936354946507,
  0.924187681612722, 0.07884010933776153,
  0.9175626765599192, 0.08603438905970506,
  0.9110320403624034, 0.09317721180013905,
  0.9045935839762024, 0.10026951462748457,
  0.8982456375922825, 0.10731170956330516,
  0.8919860966782501, 0.11430473320717738,
  0.8858131121185129, 0.12124928503033061,
  0.879725075760676, 0.12814583422959913,
  0.8737201372634685, 0.1349951636851756,
  0.8677966405782273, 0.1417978768189414,
  0.8619528050060739, 0.14855476039031146,
  0.8561872354420692, 0.1552661937658968,
  0.8504983927816893, 0.16193275688146969,
  0.8448844572790304, 0.16855539792220497,
  0.8393442741575965, 0.1751343179947753,
  0.8338762249349438, 0.1816702989864325,
  0.8284789320557778, 0.18816387146023317,
  0.8231510800065832, 0.1946155228479256,
  0.8178913903778707, 0.20102572579389744,
  0.8126984007245374, 0.2073952090795501,
  0.8075710029460227, 0.21372429840596396,
  0.8025078881160415, 0.2200135945981856,
  0.7975077379364331, 0.22626374162859975,
  0.792569604966373, 0.23247494747693054,
  0.7876923641254114, 0.23864766620658884,
  0.7828746724940998, 0.24478265647405806,
  0.7781155388790811, 0.25088025827324145,
  0.7734139557869777, 0.2569408552510595,
  0.7687687179914933, 0.26296511155101143,
  0.7641790698041854, 0.2689531327189343,
  0.7596438763692399, 0.27490553924610595,
  0.7551621951078668, 0.2808227248478943,
  0.7507331780216866, 0.286704979267256,
  0.7463557196361751, 0.29255295645509705,
  0.7420289364869653, 0.2983670386142876,
  0.7377521537065876, 0.30414734587282055,
  0.7335242966002608, 0.30989455774829366,
  0.729344777457841, 0.31560871301871884,
];
/** Per subinterval: 1/c, log c, and 1/c split in 26-bit halves (for an exact z/c). */
const LOG_T = new Float64Array(512);
for (let i = 0; i < 128; i++) {
  const invc = LOG_TAB[2 * i]!;
  const s = invc * SPLITTER;
  const h = s - (s - invc);
  LOG_T[4 * i] = invc;
  LOG_T[4 * i + 1] = LOG_TAB[2 * i + 1]!;
  LOG_T[4 * i + 2] = h;
  LOG_T[4 * i + 3] = invc - h;
}
/** 2^-k at index 1075 + k, for k in [-1023, 1075]: exact power-of-two scalings. */
const POW2_NEG = new Float64Array(2151);
for (let k = 0, v = 1; k <= 1075; k++, v *= 0.5) POW2_NEG[1075 + k] = v;
for (let k = 0, v = 1; k <= 1023; k++, v *= 2) POW2_NEG[1075 - k] = v;

/** a * b - RN(a * b), exactly (Dekker). */
function productError(a: number, b: number, p: number): number {
  let s = a * SPLITTER;
  const ah = s - (s - a);
  const al = a - ah;
  s = b * SPLITTER;
  const bh = s - (s - b);
  const bl = b - bh;
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

/** x + y rounded to odd (Boldo & Melquiond), for finite x, y without underflow. */
function addRoundToOdd(x: number, y: number): number {
  const s = x + y;
  const v = s - x;
  const err = (x - (s - v)) + (y - v);
  if (err === 0) return s;
  F64[0] = s;
  const lo = U32[0]!;
  if ((lo & 1) === 1) return s;
  if ((err > 0) === (s > 0)) {
    U32[0] = lo + 1;
  } else if (lo === 0) {
    U32[0] = 0xffffffff;
    U32[1] = U32[1]! - 1;
  } else {
    U32[0] = lo - 1;
  }
  return F64[0]!;
}

/** Correctly rounded a * b + c (a fused multiply-add), for finite values without underflow. */
function fma(a: number, b: number, c: number): number {
  const p = a * b;
  const e = productError(a, b, p);
  const th = c + p;
  const v = th - c;
  const tl = (c - (th - v)) + (p - v);
  return th + addRoundToOdd(tl, e);
}

/**
 * glibc's `log`, as built for x86-64 CPUs with FMA (`__log_fma`, glibc 2.28+), bit for
 * bit: the polynomial and the fused multiply-adds are those of its machine code. Most
 * inputs take a fast path without fused operations, checked to round the same way;
 * the rest replay the fused operations exactly.
 */
function glibcLog(x: number): number {
  if (x >= 0.9375 && x < 1.064697265625) return logNearOne(x);
  if (x >= 2.2250738585072014e-308 && x < Infinity) {
    const y = logMainUnfused(x);
    return y === y ? y : logMainFused(x, 0);
  }
  if (x === 0) return -Infinity;
  if (x === Infinity) return x;
  if (!(x > 0)) return NaN;
  return logMainFused(x * 4503599627370496, -52); // subnormal: scale by 2^52
}

function logNearOne(x: number): number {
  if (x === 1) return 0;
  const r = x - 1;
  const r2 = r * r;
  const r3 = r * r2;
  const w = r * 134217728;
  const rhi = r + w - w;
  const rlo = r - rhi;
  const hh = rhi * rhi * B0;
  const hi = r + hh;
  const lo1 = r - hi + hh;
  const corr = B0 * rlo * (r + rhi);
  // Unfused evaluation of glibc's fused expression.
  const a = B1 + r * B2 + r2 * B3;
  const b = B4 + r * B5 + r2 * B6;
  const c = B7 + r * B8 + r2 * B9 + r3 * B10;
  const poly = a + r3 * (b + r3 * c);
  const lo2 = lo1 + corr;
  const t = lo2 + poly * r3;
  const y = hi + t;
  const err = t - (y - hi);
  const slack = (Math.abs(poly * r3) + Math.abs(lo1) + Math.abs(corr)) *
    FMA_SLACK;
  if (y + (err + slack) === y && y + (err - slack) === y) return y;
  // Too close to a rounding boundary: replay glibc's fused operations.
  const fa = fma(r2, B3, fma(r, B2, B1));
  const fb = fma(r2, B6, fma(r, B5, B4));
  const fc = fma(r3, B10, fma(r2, B9, fma(r, B8, B7)));
  const fpoly = fma(fma(fc, r3, fb), r3, fa);
  const flo2 = fma(B0 * rlo, r + rhi, lo1);
  return hi + fma(fpoly, r3, flo2);
}

/**
 * glibc's main path (normal x outside [0.9375, 1.0647)) evaluated without fused
 * operations, or NaN when that might round differently from glibc's fused code.
 * Small enough for V8 to inline into the Gaussian loop.
 */
function logMainUnfused(x: number): number {
  // x = 2^k z with z in [0x1.6p-1, 0x1.6p0); j picks z's subinterval in LOG_T.
  F64[0] = x;
  const tmp = (U32[1]! - 0x3fe60000) | 0;
  const j = ((tmp >>> 13) & 127) << 2;
  const k = tmp >> 20;
  const z = x * POW2_NEG[1075 + k]!;
  // r = fma(z, invc, -1), exactly: z * invc = p + e (Dekker) and p - 1 is exact.
  const p = z * LOG_T[j]!;
  const s = z * SPLITTER;
  const zh = s - (s - z);
  const zl = z - zh;
  const ih = LOG_T[j + 2]!;
  const il = LOG_T[j + 3]!;
  const r = (p - 1) + (((zh * ih - p) + zh * il + zl * ih) + zl * il);
  const w = k * LN2HI + LOG_T[j + 1]!; // exact by construction of the table
  const hi = w + r;
  const m = w - hi + r;
  const klo = k * LN2LO;
  const r2 = r * r;
  const r3 = r * r2;
  const t = ((m + klo) + r2 * A0) +
    r3 * ((A1 + r * A2) + (A3 + r * A4) * r2);
  const y = hi + t;
  const err = t - (y - hi);
  // |poly| < 1/2 and A0 = -1/2, so this bounds the terms of t (|klo| by its largest
  // value, which keeps this function under V8's inlining limit of 460 bytes of
  // bytecode: inlined into the Gaussian loop, it saves a call and two boxed doubles).
  const slack = (Math.abs(m) + r2 + Math.abs(r3)) * FMA_SLACK + KLO_SLACK;
  return y + (err + slack) === y && y + (err - slack) === y ? y : NaN;
}

/**
 * glibc's main path with its fused multiply-adds replayed exactly; `kAdjust` undoes
 * a 2^52 pre-scaling of subnormal inputs.
 */
function logMainFused(x: number, kAdjust: number): number {
  F64[0] = x;
  const tmp = (U32[1]! - 0x3fe60000) | 0;
  const j = ((tmp >>> 13) & 127) << 2;
  const kz = tmp >> 20;
  const k = kz + kAdjust;
  const z = x * POW2_NEG[1075 + kz]!;
  const r = fma(z, LOG_T[j]!, -1);
  const w = k * LN2HI + LOG_T[j + 1]!;
  const hi = w + r;
  const m = w - hi + r;
  const r2 = r * r;
  const q = fma(r2, A0, fma(k, LN2LO, m));
  const poly = fma(fma(r, A4, A3), r2, fma(r, A2, A1));
  return hi + fma(r * r2, poly, q);
}

/** Smallest all-ones bit mask covering `x` (numpy's `gen_mask`), for x < 2^32. */
function mask32(x: number): number {
  let m = x >>> 0;
  m |= m >>> 1;
  m |= m >>> 2;
  m |= m >>> 4;
  m |= m >>> 8;
  m |= m >>> 16;
  return m >>> 0;
}

/** Index of the first entry of the sorted `cdf` greater than `u` (searchsorted right). */
function searchRight(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid]! <= u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `cumsum(p) / cumsum(p)[-1]`, summed left to right as numpy does. */
function normalisedCdf(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let acc = 0;
  for (let i = 0; i < p.length; i++) {
    acc += p[i]!;
    cdf[i] = acc;
  }
  const total = cdf[cdf.length - 1]!;
  for (let i = 0; i < cdf.length; i++) cdf[i] = cdf[i]! / total;
  return cdf;
}

/** numpy's `kahan_sum`, used to check that probabilities sum to 1. */
function kahanSum(x: Float64Array): number {
  let sum = x[0]!;
  let c = 0;
  for (let i = 1; i < x.length; i++) {
    const y = x[i]! - c;
    const t = sum + y;
    c = (t - sum) - y;
    sum = t;
  }
  return sum;
}

/** Constants of the inversion sampler for one (n, p), p <= 0.5. */
interface InversionSetup {
  q: number;
  qn: number;
  bound: number;
}

/**
 * `Math.exp` here is V8's, not glibc's; a last-bit difference in `qn` could only
 * change a draw whose uniform lies within an ulp of a CDF step (odds ~1e-16).
 */
function inversionSetup(n: number, p: number): InversionSetup {
  const q = 1 - p;
  const np = n * p;
  return {
    q,
    qn: Math.exp(n * glibcLog(q)),
    bound: Math.trunc(Math.min(n, np + 10 * Math.sqrt(np * q + 1))),
  };
}

/** numpy's `random_binomial_inversion`. */
function binomialInversion(
  next: () => number,
  n: number,
  p: number,
  s: InversionSetup,
): number {
  const { q, qn, bound } = s;
  let x = 0;
  let px = qn;
  let u = next();
  while (u > px) {
    x++;
    if (x > bound) {
      x = 0;
      px = qn;
      u = next();
    } else {
      u -= px;
      px = ((n - x + 1) * p * px) / (x * q);
    }
  }
  return x;
}

/** Constants of the BTPE sampler for one (n, p), p <= 0.5. */
interface BtpeSetup {
  r: number;
  q: number;
  m: number;
  p1: number;
  xm: number;
  xl: number;
  xr: number;
  c: number;
  laml: number;
  lamr: number;
  p2: number;
  p3: number;
  p4: number;
}

function btpeSetup(n: number, p: number): BtpeSetup {
  const r = Math.min(p, 1 - p);
  const q = 1 - r;
  const fm = n * r + r;
  const m = Math.floor(fm);
  const p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5;
  const xm = m + 0.5;
  const xl = xm - p1;
  const xr = xm + p1;
  const c = 0.134 + 20.5 / (15.3 + m);
  let a = (fm - xl) / (fm - xl * r);
  const laml = a * (1 + a / 2);
  a = (xr - fm) / (xr * q);
  const lamr = a * (1 + a / 2);
  const p2 = p1 * (1 + 2 * c);
  const p3 = p2 + c / laml;
  const p4 = p3 + c / lamr;
  return { r, q, m, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4 };
}

/** Stirling-series correction term used by BTPE's final acceptance test. */
function stirlingTerm(v: number, v2: number): number {
  return (13680 - (462 - (132 - (99 - 140 / v2) / v2) / v2) / v2) / v /
    166320;
}

/**
 * numpy's `random_binomial_btpe` (Kachitvichyanukul & Schmeiser), p <= 0.5. Its
 * `goto`s become `continue` (back to Step 10) and `return` (Step 60; the final
 * flip for p > 0.5 never applies because the caller passes min(p, 1 - p)).
 */
function binomialBtpe(
  next: () => number,
  n: number,
  s: BtpeSetup,
): number {
  const { r, q, m, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4 } = s;
  const nrq = n * r * q;
  for (;;) {
    // Step 10: the triangular region.
    const u = next() * p4;
    let v = next();
    let y: number;
    if (u <= p1) return Math.floor(xm - p1 * v + u);
    if (u <= p2) {
      // Step 20: the parallelograms.
      const x = xl + (u - p1) / c;
      v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
      if (v > 1) continue;
      y = Math.floor(x);
    } else if (u <= p3) {
      // Step 30: left exponential tail.
      y = Math.floor(xl + glibcLog(v) / laml);
      if (y < 0 || v === 0) continue;
      v = v * (u - p2) * laml;
    } else {
      // Step 40: right exponential tail.
      y = Math.floor(xr - glibcLog(v) / lamr);
      if (y > n || v === 0) continue;
      v = v * (u - p3) * lamr;
    }
    // Step 50: explicit evaluation near the mode.
    const k = Math.abs(y - m);
    if (!(k > 20 && k < nrq / 2 - 1)) {
      const ratio = r / q;
      const a = ratio * (n + 1);
      let f = 1;
      if (m < y) {
        for (let i = m + 1; i <= y; i++) f *= a / i - ratio;
      } else if (m > y) {
        for (let i = y + 1; i <= m; i++) f /= a / i - ratio;
      }
      if (v > f) continue;
      return y;
    }
    // Step 52: squeeze on log(f(y) / f(m)).
    const rho = (k / nrq) *
      ((k * (k / 3 + 0.625) + 0.16666666666666666) / nrq + 0.5);
    const t = (-k * k) / (2 * nrq);
    const logV = glibcLog(v);
    if (logV < t - rho) return y;
    if (logV > t + rho) continue;
    const x1 = y + 1;
    const f1 = m + 1;
    const z = n + 1 - m;
    const w = n - y + 1;
    const bound = xm * glibcLog(f1 / x1) + (n - m + 0.5) * glibcLog(z / w) +
      (y - m) * glibcLog(w * r / (x1 * q)) + stirlingTerm(f1, f1 * f1) +
      stirlingTerm(z, z * z) + stirlingTerm(x1, x1 * x1) +
      stirlingTerm(w, w * w);
    if (logV > bound) continue;
    return y;
  }
}

/**
 * numpy's legacy `numpy.random.RandomState`: a Mersenne Twister whose streams match
 * numpy's bit for bit, for the same seed and the same sequence of calls.
 *
 * Seeding follows numpy: an integer in [0, 2^32 - 1] uses `init_genrand`; an array
 * of such integers uses `init_by_array` — so `new RandomState([5])` differs from
 * `new RandomState(5)`, as in numpy. Without a seed the state comes from
 * `crypto.getRandomValues` and the stream is **not** reproducible.
 *
 * Gaussian draws (`randn`, `normal`) use numpy's legacy polar Box–Muller method,
 * which makes two values at a time and caches the second: `randn(3)` then `randn(4)`
 * equals `randn(7)`. Reseeding clears the cache.
 *
 * @example Matches numpy
 * ```ts
 * import { RandomState } from "./random.ts";
 * import assert from "node:assert/strict";
 *
 * const rs = new RandomState(42);
 * // np.random.RandomState(42).rand(3)
 * assert.deepEqual(rs.rand(3), new Float64Array([
 *   0.3745401188473625, 0.9507143064099162, 0.7319939418114051,
 * ]));
 * ```
 */
export class RandomState {
  #key = new Int32Array(N);
  #pos = N;
  #hasGauss = false;
  #gauss = 0;
  /** Bound `nextDouble`, passed to the module-level binomial samplers. */
  #next: () => number = () => this.#nextDouble();

  /**
   * Creates a generator, seeded as `np.random.RandomState(seed)`.
   *
   * @param seed An integer in [0, 2^32 - 1], or a non-empty array of such integers.
   *   Omit it for a non-deterministic seed from `crypto.getRandomValues`.
   * @throws {TypeError} If `seed` is neither a number nor an array of numbers.
   * @throws {RangeError} If a seed value is not an integer in [0, 2^32 - 1], or the
   *   array is empty.
   *
   * @example
   * ```ts
   * import { RandomState } from "./random.ts";
   * import assert from "node:assert/strict";
   *
   * assert.equal(new RandomState(5).rand(), 0.22199317108973948);
   * assert.equal(new RandomState([5]).rand(), 0.6229016948897019);
   * assert.throws(() => new RandomState(-1), /RandomState\(\): seed must be in \[0, 4294967295\] \(received -1\)/);
   * ```
   */
  constructor(seed?: number | ArrayLike<number>) {
    this.#reseed("RandomState", seed);
  }

  /**
   * Reseeds the generator in place, as numpy's `RandomState.seed`, and clears the
   * cached Gaussian value.
   *
   * @param seed As for the constructor; omit it for a non-deterministic seed.
   * @throws {TypeError} If `seed` is neither a number nor an array of numbers.
   * @throws {RangeError} If a seed value is not an integer in [0, 2^32 - 1], or the
   *   array is empty.
   *
   * @example
   * ```ts
   * import { RandomState } from "./random.ts";
   * import assert from "node:assert/strict";
   *
   * const rs = new RandomState(1);
   * const first = rs.randn(3);
   * rs.seed(1);
   * assert.deepEqual(rs.randn(3), first);
   * ```
   */
  seed(seed?: number | ArrayLike<number>): void {
    this.#reseed("seed", seed);
  }

  /**
   * Uniform floats in [0, 1), as numpy's `random_sample` (and `rand`): each is
   * `(a >> 5) * 2^26 + (b >> 6)) / 2^53` for two consecutive 32-bit words.
   *
   * @param size Omit for one number; a count or `[rows, cols]` for many.
   * @returns The samples, shaped by `size`.
   * @throws {RangeError} If `size` is negative, not an integer, or above 2^28
   *   values (the library's `MAX_LENGTH`).
   *
   * @example
   * ```ts
   * import { RandomState } from "./random.ts";
   * import assert from "node:assert/strict";
   *
   * const u = new RandomState(0).rand(1000);
   * assert.ok(u.every((x) => x >= 0 && x < 1));
   * ```
   */
  rand<S extends Size | undefined = undefined>(size?: S): Sample<S> {
    const out = this.#allocate("rand", size);
    if (out === null) return this.#nextDouble() as Sample<S>;
    this.#fillDoubles(out, 0, 1);
    return shape(size, out) as Sample<S>;
  }

  /**
   * Uniform floats in [low, high), computed as numpy does: `low + (high - low) * u`.
   * As in numpy, `high < low` is accepted and gives values in (high, low].
   *
   * @param low Lower bound (inclusive). Defaults to 0.
   * @param high Upper bound (exclusive). Defaults to 1.
   * @param size Omit for one number; a count or `[rows, cols]` for many.
   * @returns The samples, shaped by `size`.
   * @throws {TypeError} If `low` or `high` is not a number.
   * @throws {RangeError} If `low`, `high` or `high - low` is not finite, or `size` is
   *   invalid.
   *
   * @example
   * ```ts
   * import { RandomState } from "./random.ts";
   * import assert from "node:assert/strict";
   *
   * const x = new RandomState(0).uniform(-2, 3, 1000);
   * assert.ok(x.every((v) => v >= -2 && v < 3));
   * ```
   */
  uniform<S extends Size | undefined = undefined>(
    low = 0,
    high = 1,
    size?: S,
  ): Sample<S> {
    checkFinite("uniform", "low", low);
    checkFinite("uniform", "high", high);
    const range = high - low;
    if (!Number.isFinite(range)) {
      throw new RangeError(
        `uniform(): high - low must be finite (low=${describe(low)}, high=${
          describe(high)
        })`,
      );
    }
    const out = this.#allocate("uniform", size);
    if (out === null) return (low + range * this.#nextDouble()) as Sample<S>;
    this.#fillDoubles(out, low, range);
    return shape(size, out) as Sample<S>;
  }

  /**
   * Standard normal samples, as numpy's legacy `randn` / `standard_normal`
   * (polar Box–Muller with the second value cached).
   *
   * @param size Omit for one number; a count or `[rows, cols]` for many.
   * @returns The samples, shaped by `size`.
   * @throws {RangeError} If `size` is invalid.
   *
   * @example The Gaussian cache carries across calls
   * ```ts
   * import { RandomState } from "./random.ts";
   * import assert from "node:assert/strict";
   *
   * const a = new RandomState(42);
   * assert.deepEqual(a.randn(3), new Float64Array([
   *   0.4967141530112327, -0.13826430117118466, 0.6476885381006925,
   * ]));
   * const b = new RandomState(7);
   * const c = new RandomState(7);
   * assert.deepEqual([...b.randn(3), ...b.randn(4)], [...c.randn(7)]);
   * ```
   */
  randn<S extends Size | undefined = undefined>(size?: S): Sample<S> {
    const out = this.#allocate("randn", size);
    if (out === null) return this.#gaussOne() as Sample<S>;
    this.#fillGauss(out, 0, 1);
    return shape(size, out) as Sample<S>;
  }

  /**
   * Normal samples with mean `loc` and standard deviation `scale`, as numpy's legacy
   * `normal`: `loc + scale * z` with `z` from {@link RandomState.randn}'s stream
   * (sharing its cache). `scale = 0` is allowed and returns `loc`.
   *
   * @param loc Mean. Defaults to 0.
   * @param scale Standard deviation, at least 0. Defaults to 1.
   * @param size Omit for one number; a count or `[rows, cols]` for many.
   * @returns The samples, shaped by `size`.
   * @throws {TypeError} If `loc` or `scale` is not a number.
   * @throws {RangeError} If `loc` is not finite, `scale` is negative or not finite,
   *   or `size` is invalid.
   *
   * @example
   * ```ts
   * import { RandomState } from "./random.ts";
   * import assert from "node:assert/strict";
   *
   * const z = new RandomState(42).randn(4);
   * const x = new RandomState(42).normal(10, 2, 4);
   * assert.deepEqual(x, z.map((v) => 10 + 2 * v));
   * assert.throws(() => new RandomState(0).normal(0, -1), /normal\(\): scale must be at least 0 \(received -1\)/);
   * ```
   */
  normal<S extends Size | undefined = undefined>(
    loc = 0,
    scale = 1,
    size?: S,
  ): Sample<S> {
    checkFinite("normal", "loc", loc);
    checkNonNegative("normal", "scale", scale);
    const out = this.#allocate("normal", size);
    if (out === null) return (loc + scale * this.#gaussOne()) as Sample<S>;
    this.#fillGauss(out, loc, scale);
    return shape(size, out) as Sample<S>;
  }

  /**
   * Fills `out` with normal samples in place: the same stream as
   * `normal(loc, scale, out.length)` (sharing the Gaussian cache), without allocating.
   * Meant for Monte Carlo loops that draw block after block into one reused buffer,
   * where a fresh array per block would cost more in page faults than in drawing.
   * numpy's legacy API has no such method; the values are numpy's all the same.
   *
   * @param out The array to overwrite, entirely (it may be empty).
   * @param loc Mean. Defaults to 0.
   * @param scale Standard deviation, at least 0. Defaults to 1.
   * @returns `out`, filled.
   * @throws {TypeError} If `out` is not a `Float64Array`, or `loc` or `scale` is not a
   *   number.
   * @throws {RangeError} If `loc` is not finite, or `scale` is negative or not finite.
   *
   * @example Two blocks into one buffer give the same numbers as one call
   * ```ts
   * import { RandomState } from "./random.ts";
   * import assert from "node:assert/strict";
   *
   * const rs = new RandomState(42);
   * const buf = new Float64Array(3);
   * const first = Array.from(rs.normalInto(buf, 10, 2));
   * const second = Array.from(rs.normalInto(buf, 10, 2));
   * assert.deepEqual([...first, ...second], Array.from(new RandomState(42).normal(10, 2, 6)));
   * assert.throws(() => rs.normalInto([0, 0] as never), /normalInto\(\): out must be a Float64Array/);
   * ```
   */
  normalInto(out: Float64Array, loc = 0, scale = 1): Float64Array {
    if (!(out instanceof Float64Array)) {
      throw new TypeError(
        `normalInto(): out must be a Float64Array (received ${describe(out)})`,
      );
    }
    checkFinite("normalInto", "loc", loc);
    checkNonNegative("normalInto", "scale", scale);
    this.#fillGauss(out, loc, scale);
    return out;
  }

  /**
   * Uniform integers in [low, high), as numpy's legacy `randint` with its default
   * int64 dtype (masked rejection sampling: 32-bit draws when `high - low - 1` fits
   * in 32 bits, 64-bit draws otherwise). With one argument, draws from [0, low).
   *
   * @param low Lowest value (inclusive), an integer in [-(2^53 - 1), 2^53 - 1]; or,
   *   when `high` is omitted, the exclusive upper bound.
   * @param high Exclusive upper bound, an integer in [2 - 2^53, 2^53].
   * @param size Omit for one number; a count or `[rows, cols]` for many.
   * @returns The integers, as numbers, shaped by `size`.
   * @throws {TypeError} If `low` or `high` is not a number.
   * @throws {RangeError} If a bound is not an integer in its range, `low >= high`,
   *   `high - low` exceeds 2^53 (so results stay exact in float64), or `size` is
   *   invalid.
   *
   * @example
   * ```ts
   * import { RandomState } from "./random.ts";
   * import assert from "node:assert/strict";
   *
   * // np.random.RandomState(0).randint(10, size=5)
   * assert.deepEqual(new RandomState(0).randint(10, undefined, 5), new Float64Array([5, 0, 3, 3, 7]));
   * assert.throws(() => new RandomState(0).randint(5, 5), /randint\(\): low must be less than high \(low=5, high=5\)/);
   * ```
   */
  randint<S extends Size | undefined = undefined>(
    low: number,
    high?: number,
    size?: S,
  ): Sample<S> {
    // Bounds whose results are exact in float64: [-(2^53 - 1), 2^53].
    if (high === undefined) {
      high = checkInteger("randint", "low", low, {
        min: 1 - MAX_SAFE,
        max: 2 ** 53,
      });
      low = 0;
    } else {
      checkInteger("randint", "low", low, { min: -MAX_SAFE, max: MAX_SAFE });
      checkInteger("randint", "high", high, {
        min: 1 - MAX_SAFE,
        max: 2 ** 53,
      });
    }
    if (!(low < high)) {
      throw new RangeError(
        `randint(): low must be less than high (low=${describe(low)}, high=${
          describe(high)
        })`,
      );
    }
    const rng = high - 1 - low;
    if (rng > MAX_SAFE) {
      throw new RangeError(
        `randint(): high - low must be at most 2^53 (low=${
          describe(low)
        }, high=${describe(high)})`,
      );
    }
    const out = this.#allocate("randint", size);
    if (out === null) {
      const one = new Float64Array(1);
      this.#fillBounded(one, low, rng);
      return one[0] as Sample<S>;
    }
    this.#fillBounded(out, low, rng);
    return shape(size, out) as Sample<S>;
  }

  /**
   * A random permutation, as numpy's legacy `permutation`: `arange(n)` (or a copy of
   * `x`) shuffled by Fisher–Yates from the end, each swap index drawn by numpy's
   * `random_interval` (masked rejection on 32-bit words).
   *
   * @param x A count `n` (permute 0, 1, ..., n - 1) or an array of numbers to
   *   permute (copied, not modified).
   * @returns The permuted values.
   * @throws {TypeError} If `x` is neither a number nor an array of numbers.
   * @throws {RangeError} If `n` is not an integer in [0, 2^28].
   *
   * @example
   * ```ts
   * import { RandomState } from "./random.ts";
   * import assert from "node:assert/strict";
   *
   * // np.random.RandomState(0).permutation(5)
   * assert.deepEqual(new RandomState(0).permutation(5), new Float64Array([2, 0, 1, 3, 4]));
   * ```
   */
  permutation(x: number | ArrayLike<number>): Float64Array {
    let out: Float64Array;
    if (typeof x === "number") {
      checkInteger("permutation", "n", x, { min: 0, max: MAX_ELEMENTS });
      out = new Float64Array(x);
      for (let i = 0; i < x; i++) out[i] = i;
    } else {
      out = Float64Array.from(
        toFloat64Array("permutation", "x", x, { minLength: 0 }),
      );
    }
    this.#shuffle(out);
    return out;
  }

  /**
   * A random sample from `arange(a)` (or from the array `a`), as numpy's legacy
   * `choice`:
   * - with replacement, without `p`: `randint(0, n, size)`;
   * - with replacement, with `p`: `searchsorted(cdf, rand(size), "right")`;
   * - without replacement, without `p`: `permutation(n)` cut to `size`;
   * - without replacement, with `p`: numpy's loop that redraws until `size`
   *   distinct entries are found.
   *
   * @param a Population size `n` (sample from 0, ..., n - 1) or the population
   *   itself as an array of numbers.
   * @param size Omit for one number; a count or `[rows, cols]` for many.
   * @param options `replace` (default `true`) and `p` (probabilities, one per entry,
   *   non-negative, summing to 1 within numpy's tolerance sqrt(eps) ≈ 1.5e-8).
   * @returns The sampled values, shaped by `size`.
   * @throws {TypeError} If `a` or `p` is not a number or array of numbers, `options`
   *   is not an object, or `replace` is not a boolean.
   * @throws {RangeError} If the population is empty while values are requested,
   *   `p` has the wrong length, a negative entry or does not sum to 1, `size`
   *   exceeds the population (or the non-zero entries of `p`) without replacement,
   *   or `size` is invalid.
   *
   * @example
   * ```ts
   * import { RandomState } from "./random.ts";
   * import assert from "node:assert/strict";
   *
   * const rs = new RandomState(0);
   * const draw = rs.choice(5, 3, { replace: false });
   * assert.equal(new Set(draw).size, 3);
   * assert.throws(() => rs.choice(3, 2, { p: [0.5, 0.6, 0.1] }), /choice\(\): p must sum to 1/);
   * assert.throws(() => rs.choice(3, 5, { replace: false }), /choice\(\): size must be at most/);
   * ```
   */
  choice<S extends Size | undefined = undefined>(
    a: number | ArrayLike<number>,
    size?: S,
    options: ChoiceOptions = {},
  ): Sample<S> {
    if (
      typeof options !== "object" || options === null || Array.isArray(options)
    ) {
      throw new TypeError(
        `choice(): options must be an object (received ${describe(options)})`,
      );
    }
    const replace = options.replace ?? true;
    if (typeof replace !== "boolean") {
      throw new TypeError(
        `choice(): replace must be a boolean (received ${describe(replace)})`,
      );
    }
    let population: Float64Array | null = null;
    let n: number;
    if (typeof a === "number") {
      n = checkInteger("choice", "a", a, { min: 0, max: MAX_ELEMENTS });
    } else {
      population = toFloat64Array("choice", "a", a, { minLength: 0 });
      n = population.length;
    }
    const out = this.#allocate("choice", size);
    const count = out === null ? 1 : out.length;
    if (n === 0 && count > 0) {
      throw new RangeError(
        "choice(): a must be a non-empty population unless no samples are taken (received 0)",
      );
    }
    let p: Float64Array | null = null;
    if (options.p !== undefined) {
      p = toFloat64Array("choice", "p", options.p, { minLength: 0 });
      if (p.length !== n) {
        throw new RangeError(
          `choice(): p must have one probability per entry of a (received ${p.length}, expected ${n})`,
        );
      }
      for (let i = 0; i < p.length; i++) {
        if (p[i]! < 0) {
          throw new RangeError(
            `choice(): p must be non-negative (p[${i}]=${describe(p[i])})`,
          );
        }
      }
      const sum = n === 0 ? 0 : kahanSum(p);
      if (!(Math.abs(sum - 1) <= P_SUM_ATOL)) {
        throw new RangeError(
          `choice(): p must sum to 1 within ${P_SUM_ATOL} (received sum ${sum})`,
        );
      }
    }
    const idx = out ?? new Float64Array(1);
    if (replace) {
      if (p !== null) {
        const cdf = normalisedCdf(p);
        for (let i = 0; i < count; i++) {
          idx[i] = searchRight(cdf, this.#nextDouble());
        }
      } else {
        this.#fillBounded(idx, 0, n - 1);
      }
    } else {
      if (count > n) {
        throw new RangeError(
          `choice(): size must be at most the population size when replace is false (size=${count}, population=${n})`,
        );
      }
      if (p !== null) {
        this.#choiceWithoutReplacement(p, idx);
      } else {
        idx.set(this.permutation(n).subarray(0, count));
      }
    }
    if (population !== null) {
      for (let i = 0; i < count; i++) idx[i] = population[idx[i]!]!;
    }
    if (out === null) return idx[0] as Sample<S>;
    return shape(size, out) as Sample<S>;
  }

  /**
   * Binomial samples (successes in `n` trials of probability `p`), as numpy's legacy
   * `binomial`: inversion when `min(p, 1 - p) * n <= 30`, BTPE otherwise, drawing
   * for `min(p, 1 - p)` and returning `n - x` when `p > 0.5`.
   *
   * @param n Number of trials, a non-negative safe integer.
   * @param p Success probability in [0, 1].
   * @param size Omit for one number; a count or `[rows, cols]` for many.
   * @returns The counts, as numbers, shaped by `size`.
   * @throws {TypeError} If `n` or `p` is not a number.
   * @throws {RangeError} If `n` is negative or not an integer, `p` is outside
   *   [0, 1], or `size` is invalid.
   *
   * @example
   * ```ts
   * import { RandomState } from "./random.ts";
   * import assert from "node:assert/strict";
   *
   * const x = new RandomState(0).binomial(10, 0.3, 1000);
   * assert.ok(x.every((k) => Number.isInteger(k) && k >= 0 && k <= 10));
   * assert.throws(() => new RandomState(0).binomial(10, 1.5), /binomial\(\): p must be a probability in \[0, 1\] \(received 1.5\)/);
   * ```
   */
  binomial<S extends Size | undefined = undefined>(
    n: number,
    p: number,
    size?: S,
  ): Sample<S> {
    checkInteger("binomial", "n", n, { min: 0, max: MAX_SAFE });
    checkProbability("binomial", "p", p);
    const out = this.#allocate("binomial", size);
    const target = out ?? new Float64Array(1);
    const flip = p > 0.5;
    const pp = flip ? 1 - p : p;
    const next = this.#next;
    if (pp * n <= 30) {
      const setup = inversionSetup(n, pp);
      for (let i = 0; i < target.length; i++) {
        const x = binomialInversion(next, n, pp, setup);
        target[i] = flip ? n - x : x;
      }
    } else {
      const setup = btpeSetup(n, pp);
      for (let i = 0; i < target.length; i++) {
        const x = binomialBtpe(next, n, setup);
        target[i] = flip ? n - x : x;
      }
    }
    if (out === null) return target[0] as Sample<S>;
    return shape(size, out) as Sample<S>;
  }

  // ---------------------------------------------------------------- internals

  #reseed(fn: string, seed: unknown): void {
    const key = this.#key;
    if (seed === undefined) {
      // numpy seeds from OS entropy here; the stream is not reproducible.
      crypto.getRandomValues(key);
      key[0] = 0x80000000;
    } else if (typeof seed === "number") {
      seedWord(key, checkInteger(fn, "seed", seed, { min: 0, max: SEED_MAX }));
    } else if (
      Array.isArray(seed) ||
      (ArrayBuffer.isView(seed) && !(seed instanceof DataView))
    ) {
      const words = seed as ArrayLike<unknown>;
      if (words.length === 0) {
        throw new RangeError(
          `${fn}(): seed must be a non-empty array (received ${
            describe(seed)
          })`,
        );
      }
      const checked = new Float64Array(words.length);
      for (let i = 0; i < words.length; i++) {
        checked[i] = checkInteger(fn, `seed[${i}]`, words[i], {
          min: 0,
          max: SEED_MAX,
        });
      }
      seedWords(key, checked);
    } else {
      throw new TypeError(
        `${fn}(): seed must be an integer or an array of integers (received ${
          describe(seed)
        })`,
      );
    }
    this.#pos = N;
    this.#hasGauss = false;
    this.#gauss = 0;
  }

  /** Validates `size` and allocates the output; `null` means "one number". */
  #allocate(fn: string, size: Size | undefined): Float64Array | null {
    if (size === undefined) return null;
    let count: number;
    if (typeof size === "number") {
      count = checkInteger(fn, "size", size, { min: 0 });
    } else if (Array.isArray(size) && size.length === 2) {
      const rows = checkInteger(fn, "size[0]", size[0], { min: 0 });
      const cols = checkInteger(fn, "size[1]", size[1], { min: 0 });
      count = rows * cols;
    } else {
      throw new TypeError(
        `${fn}(): size must be a count or [rows, cols] (received ${
          describe(size)
        })`,
      );
    }
    if (count > MAX_ELEMENTS) {
      throw new RangeError(
        `${fn}(): size must be at most ${MAX_ELEMENTS} values (received ${count})`,
      );
    }
    return allocate(fn, "size", count);
  }

  /**
   * The next tempered 32-bit word, as a signed int32 (`>>> 0` gives numpy's
   * unsigned value); staying in int32 keeps V8 from boxing it.
   */
  #next32(): number {
    if (this.#pos === N) {
      twist(this.#key);
      this.#pos = 0;
    }
    let y = this.#key[this.#pos++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & TEMPER_B;
    y ^= (y << 15) & TEMPER_C;
    return y ^ (y >>> 18);
  }

  /** numpy's `random_double`: 53 random bits from two words, scaled to [0, 1). */
  #nextDouble(): number {
    const a = this.#next32() >>> 5;
    const b = this.#next32() >>> 6;
    return (a * 67108864 + b) * TWO_POW_MINUS_53;
  }

  /**
   * Fills `out` with `low + range * random_double()`, the hot loop of `rand` and
   * `uniform`: state in locals, words tempered inline, `#nextDouble` only where a
   * pair of words straddles a 624-word block.
   */
  #fillDoubles(out: Float64Array, low: number, range: number): void {
    const key = this.#key;
    const len = out.length;
    let pos = this.#pos;
    for (let i = 0; i < len; i++) {
      if (pos > N - 2) {
        this.#pos = pos;
        out[i] = low + range * this.#nextDouble();
        pos = this.#pos;
        continue;
      }
      let y = key[pos]!;
      y ^= y >>> 11;
      y ^= (y << 7) & TEMPER_B;
      y ^= (y << 15) & TEMPER_C;
      y ^= y >>> 18;
      let z = key[pos + 1]!;
      z ^= z >>> 11;
      z ^= (z << 7) & TEMPER_B;
      z ^= (z << 15) & TEMPER_C;
      z ^= z >>> 18;
      pos += 2;
      out[i] = low +
        range * (((y >>> 5) * 67108864 + (z >>> 6)) * TWO_POW_MINUS_53);
    }
    this.#pos = pos;
  }

  /** numpy's `legacy_gauss`: one standard normal, using and refilling the cache. */
  #gaussOne(): number {
    if (this.#hasGauss) {
      this.#hasGauss = false;
      const g = this.#gauss;
      this.#gauss = 0;
      return g;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.#nextDouble() - 1;
      x2 = 2 * this.#nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt(-2 * glibcLog(r2) / r2);
    this.#gauss = f * x1;
    this.#hasGauss = true;
    return f * x2;
  }

  /**
   * Fills `out` with `loc + scale * legacy_gauss()`, the hot loop of `randn` and
   * `normal`: the twister state lives in locals and the words are tempered inline,
   * with a fall back to `#nextDouble` only near the end of a 624-word block.
   */
  #fillGauss(out: Float64Array, loc: number, scale: number): void {
    const len = out.length;
    let i = 0;
    if (len === 0) return;
    if (this.#hasGauss) {
      out[i++] = loc + scale * this.#gauss;
      this.#hasGauss = false;
      this.#gauss = 0;
    }
    const key = this.#key;
    let pos = this.#pos;
    while (i < len) {
      let x1: number;
      let x2: number;
      let r2: number;
      do {
        if (pos <= N - 4) {
          let y = key[pos]!;
          y ^= y >>> 11;
          y ^= (y << 7) & TEMPER_B;
          y ^= (y << 15) & TEMPER_C;
          y ^= y >>> 18;
          let z = key[pos + 1]!;
          z ^= z >>> 11;
          z ^= (z << 7) & TEMPER_B;
          z ^= (z << 15) & TEMPER_C;
          z ^= z >>> 18;
          x1 = ((y >>> 5) * 67108864 + (z >>> 6)) * TWO_POW_MINUS_52 - 1;
          y = key[pos + 2]!;
          y ^= y >>> 11;
          y ^= (y << 7) & TEMPER_B;
          y ^= (y << 15) & TEMPER_C;
          y ^= y >>> 18;
          z = key[pos + 3]!;
          z ^= z >>> 11;
          z ^= (z << 7) & TEMPER_B;
          z ^= (z << 15) & TEMPER_C;
          z ^= z >>> 18;
          x2 = ((y >>> 5) * 67108864 + (z >>> 6)) * TWO_POW_MINUS_52 - 1;
          pos += 4;
        } else {
          this.#pos = pos;
          x1 = 2 * this.#nextDouble() - 1;
          x2 = 2 * this.#nextDouble() - 1;
          pos = this.#pos;
        }
        r2 = x1 * x1 + x2 * x2;
      } while (r2 >= 1 || r2 === 0);
      // r2 >= 2^-104 is never subnormal; the unfused fast path inlines here.
      let lg = r2 < 0.9375 ? logMainUnfused(r2) : NaN;
      if (lg !== lg) lg = glibcLog(r2);
      const f = Math.sqrt(-2 * lg / r2);
      out[i++] = loc + scale * (f * x2);
      if (i < len) {
        out[i++] = loc + scale * (f * x1);
      } else {
        this.#gauss = f * x1;
        this.#hasGauss = true;
      }
    }
    this.#pos = pos;
  }

  /**
   * numpy's `random_bounded_uint64_fill` with masked rejection: `low + v` where `v`
   * is uniform on [0, rng], from 32-bit words when rng < 2^32 and from 64-bit words
   * (high word first) otherwise.
   */
  #fillBounded(out: Float64Array, low: number, rng: number): void {
    if (rng === 0) {
      out.fill(low);
    } else if (rng <= 0xffffffff) {
      const mask = mask32(rng);
      for (let i = 0; i < out.length; i++) {
        let v: number;
        do {
          v = (this.#next32() & mask) >>> 0;
        } while (v > rng);
        out[i] = low + v;
      }
    } else {
      // rng >= 2^32, so the mask's low word is all ones.
      const maskHi = mask32(Math.floor(rng / TWO_POW_32));
      for (let i = 0; i < out.length; i++) {
        let v: number;
        do {
          const hi = (this.#next32() & maskHi) >>> 0;
          v = hi * TWO_POW_32 + (this.#next32() >>> 0);
        } while (v > rng);
        out[i] = low + v;
      }
    }
  }

  /** numpy's legacy `shuffle` of a 1-d array: Fisher–Yates from the end. */
  #shuffle(x: Float64Array): void {
    for (let i = x.length - 1; i > 0; i--) {
      // random_interval(i): masked rejection on 32-bit words (i < 2^31 here).
      const mask = mask32(i);
      let j: number;
      do {
        j = (this.#next32() & mask) >>> 0;
      } while (j > i);
      const t = x[i]!;
      x[i] = x[j]!;
      x[j] = t;
    }
  }

  /** numpy's loop for `choice(replace=False, p=...)`, writing into `found`. */
  #choiceWithoutReplacement(pIn: Float64Array, found: Float64Array): void {
    const size = found.length;
    let nonZero = 0;
    for (let i = 0; i < pIn.length; i++) if (pIn[i]! > 0) nonZero++;
    if (nonZero < size) {
      throw new RangeError(
        `choice(): size must be at most the number of non-zero entries of p when replace is false (size=${size}, non-zero=${nonZero})`,
      );
    }
    const p = Float64Array.from(pIn);
    const seen = new Uint8Array(p.length);
    let nUniq = 0;
    while (nUniq < size) {
      const x = this.rand(size - nUniq);
      for (let i = 0; i < nUniq; i++) p[found[i]!] = 0;
      const cdf = normalisedCdf(p);
      // Distinct values of searchsorted(cdf, x), in order of first appearance.
      const fresh: number[] = [];
      for (let i = 0; i < x.length; i++) {
        const k = searchRight(cdf, x[i]!);
        if (seen[k] === 0) {
          seen[k] = 1;
          fresh.push(k);
        }
      }
      for (const k of fresh) seen[k] = 0;
      for (const k of fresh) found[nUniq++] = k;
    }
  }
}

/** Wraps filled values in the shape `size` asked for. */
function shape(
  size: Size | undefined,
  data: Float64Array,
): Float64Array | Matrix {
  return typeof size === "object" ? new Matrix(size[0], size[1], data) : data;
}
