/**
 * T5's span corruption, following `random_spans_noise_mask` in google-research/text-to-text-transfer-transformer.
 *
 * For a sequence of n tokens: noise = round(n × noiseDensity), clamped to [1, n − 1]; spans =
 * max(1, round(noise / meanSpanLength)) (rounding halves to even, as `np.round`), also at most the number of
 * non-noise tokens. The noise tokens are cut into `spans` non-empty runs and the other tokens into `spans`
 * non-empty runs, each by choosing the cut points uniformly at random; the runs then alternate, starting with
 * a non-noise run. Without more, the last token would always be noise when there is one span (a 5-word
 * sentence would always lose its last word), so, as T5's `random_roll` option does, the pattern is then
 * rotated by a random offset; a noise run that wraps around the end becomes two spans (the first at
 * position 0), so there may be one span more than computed. Two spans never touch.
 *
 * Each span is replaced in the input by one sentinel (<X>, <Y>, …); the target lists each sentinel followed
 * by its span and ends with one more sentinel: "i <X> this <Y>" → "<X> love <Y> red car <Z>".
 * Sequences shorter than 2 tokens are left uncorrupted (input = the tokens, target = the final sentinel).
 */
import type { Rng } from '../random';
import { shuffle } from '../random';
import type { TokenId, Vocabulary } from '../text/vocabulary';
import { roundHalfToEven } from './rounding';

/** Options of {@link corruptSpans}. */
export interface SpanCorruptionOptions {
  /** Fraction of tokens to corrupt (T5: 0.15). */
  noiseDensity?: number;
  /** Average length of a corrupted span (T5: 3). */
  meanSpanLength?: number;
  /** Rotate the noise pattern by a random offset (T5's `random_roll`; default true). */
  randomRoll?: boolean;
}

/** The result of {@link corruptSpans}. */
export interface CorruptedSpans {
  input: TokenId[];
  target: TokenId[];
  /** The corrupted spans as [start, end) positions in the original sequence, in order. */
  spans: Array<[start: number, end: number]>;
}

/** Cuts `items` into `segments` non-empty runs with uniformly random cut points; returns the run lengths. */
function randomSegmentation(items: number, segments: number, rng: Rng): number[] {
  // A cut after item i (of the items - 1 gaps) starts a new run; segments - 1 of the gaps are cuts.
  const isCut = shuffle(
    Array.from({ length: items - 1 }, (_, gap) => gap < segments - 1),
    rng,
  );
  const lengths: number[] = [];
  let length = 1;
  for (const cut of isCut) {
    if (cut) {
      lengths.push(length);
      length = 0;
    }
    length++;
  }
  lengths.push(length);
  return lengths;
}

/** Chooses the noise spans of a sequence of `length` tokens (see the module comment). */
export function randomNoiseSpans(
  length: number,
  rng: Rng,
  options: SpanCorruptionOptions = {},
): Array<[start: number, end: number]> {
  const density = options.noiseDensity ?? 0.15;
  const meanSpanLength = options.meanSpanLength ?? 3;
  if (!(density > 0 && density < 1)) throw new RangeError(`Noise density ${density} must be in (0, 1)`);
  if (!(meanSpanLength >= 1)) throw new RangeError(`Mean span length ${meanSpanLength} must be ≥ 1`);
  if (length < 2) return [];
  const noise = Math.min(Math.max(roundHalfToEven(length * density), 1), length - 1);
  const kept = length - noise;
  const spanCount = Math.min(Math.max(roundHalfToEven(noise / meanSpanLength), 1), kept);
  const noiseLengths = randomSegmentation(noise, spanCount, rng);
  const keptLengths = randomSegmentation(kept, spanCount, rng);
  const isNoise: boolean[] = [];
  for (let i = 0; i < spanCount; i++) {
    for (let k = 0; k < (keptLengths[i] ?? 0); k++) isNoise.push(false);
    for (let k = 0; k < (noiseLengths[i] ?? 0); k++) isNoise.push(true);
  }
  // T5's random_roll: rotate the pattern so a span may also start at position 0 or sit anywhere.
  const offset = (options.randomRoll ?? true) ? rng.int(length) : 0;
  const rolled = isNoise.map((_, i) => isNoise[(i - offset + length) % length] ?? false);
  return noiseRuns(rolled);
}

/** The [start, end) runs of `true` in `flags`. */
function noiseRuns(flags: readonly boolean[]): Array<[start: number, end: number]> {
  const spans: Array<[number, number]> = [];
  flags.forEach((flag, i) => {
    if (!flag) return;
    const last = spans[spans.length - 1];
    if (last && last[1] === i) last[1] = i + 1;
    else spans.push([i, i + 1]);
  });
  return spans;
}

/** Corrupts `ids` T5-style; throws `invalid-argument` if the vocabulary has too few sentinels for the spans. */
export function corruptSpans(
  ids: readonly TokenId[],
  vocab: Vocabulary,
  rng: Rng,
  options: SpanCorruptionOptions = {},
): CorruptedSpans {
  const spans = randomNoiseSpans(ids.length, rng, options);
  vocab.sentinelId(spans.length); // the final sentinel must exist too
  const input: TokenId[] = [];
  const target: TokenId[] = [];
  let position = 0;
  spans.forEach(([start, end], i) => {
    const sentinel = vocab.sentinelId(i);
    input.push(...ids.slice(position, start), sentinel);
    target.push(sentinel, ...ids.slice(start, end));
    position = end;
  });
  input.push(...ids.slice(position));
  target.push(vocab.sentinelId(spans.length));
  return { input, target, spans };
}

/** Puts the spans of `target` back in place of the sentinels of `input`; the inverse of {@link corruptSpans}. */
export function reconstructFromSpans(
  input: readonly TokenId[],
  target: readonly TokenId[],
  vocab: Vocabulary,
): TokenId[] {
  // Group the target by sentinel: sentinel index → the tokens that follow it.
  const spans = new Map<number, TokenId[]>();
  let current: TokenId[] | undefined;
  for (const id of target) {
    if (vocab.isSentinel(id)) {
      current = [];
      spans.set(vocab.sentinelIndex(id), current);
    } else {
      current?.push(id);
    }
  }
  return input.flatMap((id) => (vocab.isSentinel(id) ? (spans.get(vocab.sentinelIndex(id)) ?? []) : [id]));
}
