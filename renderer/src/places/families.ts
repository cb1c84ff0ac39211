/**
 * The three family pages: which built-in model each opens, which kinds of attention it has (the first is its
 * own: BERT's encoder self-attention, T5's cross-attention, GPT's causal self-attention), which views it
 * offers, and the chapter's texts they start from.
 */
import { chapterSentence } from '../../../shared/animations/animation';
import type { AttentionKind } from '../../../shared/charts/attention-view';
import type { BuiltinModelId } from '../../../shared/contract/model';
import type { Family } from './use-model';
import type { ViewId } from '../views/view-settings';

/** The places that show a model family. */
export const familyPlaces = ['encoder', 'encoderDecoder', 'decoder'] as const;
/** One of {@link familyPlaces}. */
export type FamilyPlaceId = (typeof familyPlaces)[number];

/** What a family page shows. */
export interface FamilySpec {
  family: Family;
  builtin: BuiltinModelId;
  kinds: readonly AttentionKind[];
  views: readonly ViewId[];
}

/** The chapter's sentence, the text every page starts from. */
export const defaultText = chapterSentence;
/** The chapter's span-corruption target for it (T5's decoder text). */
export const defaultTarget = '<X> love <Y> red car <Z>';

const commonViews: readonly ViewId[] = ['head', 'overview', 'lines', 'mask'];

/** Each family page. */
export const familySpecs: Record<FamilyPlaceId, FamilySpec> = {
  encoder: { family: 'bert', builtin: 'bert-tiny', kinds: ['encoder'], views: commonViews },
  encoderDecoder: {
    family: 't5',
    builtin: 't5-tiny',
    kinds: ['cross', 'encoder', 'decoder'],
    views: [...commonViews, 'triptych'],
  },
  decoder: { family: 'gpt', builtin: 'gpt-tiny', kinds: ['decoder'], views: commonViews },
};

/** Is `place` a family page? */
export function isFamilyPlace(place: string): place is FamilyPlaceId {
  return (familyPlaces as readonly string[]).includes(place);
}
