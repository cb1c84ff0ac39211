import { describe, expect, it } from 'vitest';
import { defaultVocabulary } from '../../../main/engine/corpus/default-vocabulary';
import { shiftForNextToken } from '../../../shared/objectives/gpt-shift';

const vocab = defaultVocabulary();

describe('gpt-shift', () => {
  it('reads <bos> + tokens and predicts tokens + <eos>', () => {
    const ids = vocab.encode('I love this red car');
    const { input, target } = shiftForNextToken(ids, vocab);
    expect(vocab.decode(input)).toEqual(['<bos>', 'i', 'love', 'this', 'red', 'car']);
    expect(vocab.decode(target)).toEqual(['i', 'love', 'this', 'red', 'car', '<eos>']);
  });

  it('makes the target at each position the input at the next one', () => {
    const ids = vocab.encode('The jury said it did find that many of the registration laws are outmoded.');
    const { input, target } = shiftForNextToken(ids, vocab);
    expect(input).toHaveLength(target.length);
    for (let t = 0; t + 1 < input.length; t++) expect(target[t]).toBe(input[t + 1]);
    expect(target[target.length - 1]).toBe(vocab.eosId);
  });

  it('handles an empty sequence', () => {
    expect(shiftForNextToken([], vocab)).toEqual({ input: [vocab.bosId], target: [vocab.eosId] });
  });
});
