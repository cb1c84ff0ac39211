import { describe, expect, it } from 'vitest';
import { withDisplayTokens } from '../../../shared/charts/attention-view';
import { displayToken } from '../../../shared/text/vocabulary';

describe('displayToken', () => {
  it('shows sentinels by their chapter names and leaves other tokens alone', () => {
    expect(['<extra_id_0>', '<extra_id_1>', '<extra_id_2>', '<extra_id_3>'].map(displayToken)).toEqual([
      '<X>',
      '<Y>',
      '<Z>',
      '<X1>',
    ]);
    expect(['love', '[MASK]', '<extra_id_>', '<extra_id_01>', '<eos>'].map(displayToken)).toEqual([
      'love',
      '[MASK]',
      '<extra_id_>',
      '<extra_id_01>',
      '<eos>',
    ]);
  });
});

describe('withDisplayTokens', () => {
  it('maps both token axes and keeps everything else', () => {
    const data = { family: 't5', tokens: { input: ['i', '<extra_id_0>'], target: ['<extra_id_0>', 'love'] } };
    expect(withDisplayTokens(data)).toEqual({
      family: 't5',
      tokens: { input: ['i', '<X>'], target: ['<X>', 'love'] },
    });
    expect(withDisplayTokens({ tokens: { input: ['a'] } })).toEqual({ tokens: { input: ['a'] } });
  });
});
