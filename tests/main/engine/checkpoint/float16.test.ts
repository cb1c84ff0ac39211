import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckpoint, saveCheckpoint } from '../../../../main/engine/checkpoint';
import { fromFloat16Bits, toFloat16Bits } from '../../../../main/engine/checkpoint/float16';
import { createModel } from '../../../../main/engine/models/model';
import { createRng } from '../../../../shared/random';
import { record, sessionConfig, temporaryFolder, vocab } from '../session/fixtures';

/**
 * x rounded to the nearest float16 value, ties to even, computed in double arithmetic from the definition
 * (10 fraction bits, exponents from -14, subnormals below 2^-14, Infinity above 65504) — not from bits.
 */
function roundToHalf(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const magnitude = Math.abs(x);
  let exponent = Math.floor(Math.log2(magnitude));
  if (2 ** exponent > magnitude) exponent -= 1; // guard against log2 rounding
  if (2 ** (exponent + 1) <= magnitude) exponent += 1;
  const ulp = 2 ** (Math.max(exponent, -14) - 10);
  const scaled = magnitude / ulp; // exact: a power-of-two scaling
  let whole = Math.floor(scaled);
  const fraction = scaled - whole;
  if (fraction > 0.5 || (fraction === 0.5 && whole % 2 === 1)) whole += 1;
  const rounded = whole * ulp;
  return Math.sign(x) * (rounded > 65504 ? Infinity : rounded);
}

/** The float32 bit patterns of `values`. */
const bitsOf = (values: ArrayLike<number>) => Array.from(new Uint32Array(Float32Array.from(values).buffer));

/** Values that exercise every branch: zeros, subnormals and their ties, normals and their ties, overflow. */
function edgeValues(): number[] {
  const ties = [2 ** -25, 3 * 2 ** -25, 2 ** -24 * 1.5, 1 + 2 ** -11, 1 + 3 * 2 ** -11, 2048 + 1, 2048 + 3];
  return [
    0, -0, 1, -1, 0.1, -0.3333, 65504, 65519, 65520, 1e6, -1e6, 2 ** -14, 2 ** -14 - 2 ** -24, 2 ** -24,
    2 ** -26, 1e-8, -1e-8, 6e-5, 2 ** -14 * 1.0009765625, 1 - 2 ** -12, 2047.9, ...ties, ...ties.map((t) => -t),
  ]; // prettier-ignore
}

let root = '';

describe('float16 checkpoint storage', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
    root = await temporaryFolder();
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('rounds float32 to the nearest float16 (ties to even), as the definition does', () => {
    const rng = createRng(7);
    const random = Array.from(
      { length: 20_000 },
      () => (rng.next() - 0.5) * 2 ** Math.floor(rng.next() * 44 - 30),
    );
    const values = Float32Array.from([...edgeValues(), ...random]);
    const widened = fromFloat16Bits(toFloat16Bits(values));
    expect(bitsOf(widened)).toEqual(bitsOf(Array.from(values, roundToHalf)));
  });

  it('widens every float16 bit pattern exactly and back to the same bits (NaN stays NaN)', () => {
    const all = Uint16Array.from({ length: 65536 }, (_, i) => i);
    const widened = fromFloat16Bits(all);
    const back = toFloat16Bits(widened);
    for (let i = 0; i < all.length; i++) {
      const isNaN = (i & 0x7c00) === 0x7c00 && (i & 0x3ff) !== 0;
      if (isNaN) expect(widened[i]).toBeNaN();
      else expect(back[i]).toBe(i);
    }
    expect(widened[0x3c00]).toBe(1);
    expect(widened[0x0001]).toBe(2 ** -24);
    expect(widened[0x7bff]).toBe(65504);
    expect(widened[0xfc00]).toBe(-Infinity);
  });

  it('a float16 checkpoint loads the float16-rounded weights bit for bit, in half the bytes', async () => {
    const model = createModel(sessionConfig('t5'), 11);
    const first = model.weights.get('embedding.token')!;
    const edges = edgeValues().filter((v) => Math.abs(v) < 65504);
    first.assign(
      tf.tidy(() => tf.concat([tf.tensor(edges), first.flatten().slice(edges.length)]).reshape(first.shape)),
    );
    await saveCheckpoint(join(root, 'half'), model, vocab, record, { weightDtype: 'float16' });
    await saveCheckpoint(join(root, 'full'), model, vocab, record);
    const half = await loadCheckpoint(join(root, 'half'));
    const full = await loadCheckpoint(join(root, 'full'));
    for (const [name, weight] of model.weights) {
      const original = Array.from(weight.dataSync());
      expect(bitsOf(half.model.weights.get(name)!.dataSync()), name).toEqual(
        bitsOf(original.map(roundToHalf)),
      );
      expect(bitsOf(full.model.weights.get(name)!.dataSync()), name).toEqual(bitsOf(original));
    }
    const manifest = JSON.parse(await readFile(join(root, 'half', 'weights.json'), 'utf8'));
    expect(manifest.dtype).toBe('float16');
    expect(new Set(manifest.weights.map((w: { dtype: string }) => w.dtype))).toEqual(new Set(['float16']));
    const size = async (dir: string) => (await stat(join(root, dir, 'weights.bin'))).size;
    expect(await size('half')).toBe((await size('full')) / 2);
    [model, half.model, full.model].forEach((m) => m.dispose());
  });

  it('refuses to store a weight beyond the float16 range rather than write Infinity', async () => {
    const model = createModel(sessionConfig('gpt'), 1);
    const weight = model.weights.get('embedding.token')!;
    weight.assign(tf.tidy(() => weight.add(1e5)));
    await expect(
      saveCheckpoint(join(root, 'too-large'), model, vocab, record, { weightDtype: 'float16' }),
    ).rejects.toThrow(/embedding\.token has values beyond float16's range/);
    model.dispose();
  });

  it('refuses a float16 weight whose byte range does not fit its shape', async () => {
    const model = createModel(sessionConfig('gpt'), 1);
    const dir = join(root, 'damaged');
    await saveCheckpoint(dir, model, vocab, record, { weightDtype: 'float16' });
    model.dispose();
    const manifest = JSON.parse(await readFile(join(dir, 'weights.json'), 'utf8'));
    manifest.weights[0].dtype = 'float32'; // now the listed bytes are half of what the shape needs
    await import('node:fs/promises').then((fs) =>
      fs.writeFile(join(dir, 'weights.json'), JSON.stringify(manifest)),
    );
    await expect(loadCheckpoint(dir)).rejects.toThrow(/byte range that does not fit its shape/);
  });
});
