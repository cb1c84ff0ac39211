import { describe, expect, it } from 'vitest';
import { defaultWarmupSteps, learningRateAt } from '../../../../main/engine/train/schedule';

describe('schedule', () => {
  const base = { peak: 1e-3, warmupSteps: 10, totalSteps: 110, floorRatio: 0.1 };

  it('warms up linearly to the peak', () => {
    const o = { ...base, decay: 'cosine' as const };
    expect(learningRateAt(1, o)).toBeCloseTo(1e-4, 12);
    expect(learningRateAt(5, o)).toBeCloseTo(5e-4, 12);
    expect(learningRateAt(10, o)).toBeCloseTo(1e-3, 12);
  });

  it('decays along a cosine to the floor at the last step', () => {
    const o = { ...base, decay: 'cosine' as const };
    // Halfway through the decay (step 60 of 10..110) the cosine is at its midpoint.
    expect(learningRateAt(60, o)).toBeCloseTo(1e-4 + 0.5 * 9e-4, 12);
    // A quarter through: 0.5·(1 + cos(π/4)).
    expect(learningRateAt(35, o)).toBeCloseTo(1e-4 + 9e-4 * 0.5 * (1 + Math.SQRT1_2), 12);
    expect(learningRateAt(110, o)).toBeCloseTo(1e-4, 12);
    expect(learningRateAt(500, o)).toBeCloseTo(1e-4, 12);
  });

  it('decays linearly when asked', () => {
    const o = { ...base, decay: 'linear' as const };
    expect(learningRateAt(60, o)).toBeCloseTo(1e-4 + 0.5 * 9e-4, 12);
    expect(learningRateAt(35, o)).toBeCloseTo(1e-4 + 0.75 * 9e-4, 12);
  });

  it('never increases after warmup', () => {
    const o = { ...base, decay: 'cosine' as const };
    for (let s = 11; s <= 110; s++)
      expect(learningRateAt(s, o)).toBeLessThanOrEqual(learningRateAt(s - 1, o));
  });

  it('starts at the peak without warmup and handles warmup covering the whole run', () => {
    expect(learningRateAt(1, { ...base, warmupSteps: 0, decay: 'cosine' })).toBeCloseTo(
      1e-4 + 9e-4 * 0.5 * (1 + Math.cos(Math.PI / 110)),
      12,
    );
    expect(learningRateAt(10, { ...base, totalSteps: 10, decay: 'cosine' })).toBeCloseTo(1e-3, 12);
  });

  it('picks a warmup of 5 % of the run, between 1 and 1,000 steps', () => {
    expect(defaultWarmupSteps(10)).toBe(1);
    expect(defaultWarmupSteps(400)).toBe(20);
    expect(defaultWarmupSteps(1e6)).toBe(1000);
  });
});
