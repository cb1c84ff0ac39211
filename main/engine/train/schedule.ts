/**
 * The learning-rate schedule: linear warmup from 0 to the peak, then cosine (or linear) decay to a floor at
 * the last step. Warmup keeps Adam's first, badly estimated steps small; the decay lets the loss settle.
 */

/** How the learning rate moves over a run. */
export interface ScheduleOptions {
  /** The learning rate at the end of warmup. */
  peak: number;
  /** Steps of linear warmup (0 = start at the peak). */
  warmupSteps: number;
  /** The run's last step; the rate reaches the floor there. */
  totalSteps: number;
  /** The final rate as a fraction of the peak, e.g. 0.1. */
  floorRatio: number;
  decay: 'cosine' | 'linear';
}

/** The learning rate for 1-based `step` (the rate used to apply the step-th update). */
export function learningRateAt(step: number, options: ScheduleOptions): number {
  const { peak, warmupSteps, totalSteps, floorRatio, decay } = options;
  if (warmupSteps > 0 && step <= warmupSteps) return (peak * step) / warmupSteps;
  const floor = peak * floorRatio;
  const decaySteps = totalSteps - warmupSteps;
  if (decaySteps <= 0) return peak;
  const progress = Math.min(1, Math.max(0, (step - warmupSteps) / decaySteps));
  const shape = decay === 'cosine' ? 0.5 * (1 + Math.cos(Math.PI * progress)) : 1 - progress;
  return floor + (peak - floor) * shape;
}

/** A warmup length that suits a run of `totalSteps`: 5 % of it, at least 1 and at most 1,000 steps. */
export function defaultWarmupSteps(totalSteps: number): number {
  return Math.max(1, Math.min(1000, Math.round(totalSteps * 0.05)));
}
