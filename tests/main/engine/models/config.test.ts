import { describe, expect, it } from 'vitest';
import { modelConfig, presets, validateConfig } from '../../../../main/engine/models/config';
import { LabError } from '../../../../shared/contract/errors';

describe('model config', () => {
  it('gives the tiny and small presets of the issue with family defaults', () => {
    expect(modelConfig('gpt', 'tiny')).toEqual({
      family: 'gpt',
      layers: 2,
      dModel: 128,
      heads: 4,
      dFf: 512,
      maxLength: 64,
      vocabSize: 4096,
      norm: 'pre',
    });
    expect(modelConfig('bert', 'small')).toMatchObject({
      layers: 4,
      dModel: 256,
      heads: 8,
      dFf: 1024,
      maxLength: 128,
      vocabSize: 8192,
      norm: 'post',
      nextSentence: false,
    });
    expect(modelConfig('t5', 'tiny')).toMatchObject({ layers: 2, decoderLayers: 2, norm: 'pre' });
    expect(Object.keys(presets)).toEqual(['tiny', 'small']);
  });

  it('applies overrides; T5 decoder layers follow the encoder unless set', () => {
    expect(modelConfig('t5', 'tiny', { layers: 3 }).decoderLayers).toBe(3);
    expect(modelConfig('t5', 'tiny', { layers: 3, decoderLayers: 1 }).decoderLayers).toBe(1);
    expect(modelConfig('bert', 'tiny', { norm: 'pre', nextSentence: true })).toMatchObject({
      norm: 'pre',
      nextSentence: true,
    });
  });

  it.each([
    [{ dModel: 130 }, /divisible by heads/],
    [{ heads: 0 }, /heads must be a whole number from 1/],
    [{ layers: 2.5 }, /layers must be a whole number/],
    [{ vocabSize: 1 }, /vocabSize must be a whole number from 2/],
    [{ maxLength: 100_000 }, /maxLength must be a whole number from 2 to 8192/],
    [{ dFf: -4 }, /dFf/],
    [{ norm: 'middle' as 'pre' }, /norm must be "pre" or "post"/],
  ])('rejects %o with invalid-argument', (overrides, message) => {
    try {
      modelConfig('gpt', 'tiny', overrides);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LabError);
      expect((error as LabError).code).toBe('invalid-argument');
      expect((error as Error).message).toMatch(message);
    }
  });

  it('rejects family-specific options on the wrong family', () => {
    expect(() => validateConfig({ ...modelConfig('gpt'), nextSentence: true })).toThrow(
      /only applies to the BERT/,
    );
    expect(() => validateConfig({ ...modelConfig('bert'), decoderLayers: 2 })).toThrow(
      /only applies to the T5/,
    );
    expect(() => validateConfig({ ...modelConfig('gpt'), family: 'lstm' as 'gpt' })).toThrow(
      /Unknown model family/,
    );
  });
});
