/** The places of the navigation shell: the overview, the three model families and the lab's tools. */

/** A view of the app (later issues fill each one). */
export type PlaceId =
  | 'overview'
  | 'encoder'
  | 'encoderDecoder'
  | 'decoder'
  | 'compare'
  | 'train'
  | 'library'
  | 'scaling'
  | 'walkthrough';

/** A place other than the overview; its texts live under `places.<id>` in the resource files. */
export type FeaturePlaceId = Exclude<PlaceId, 'overview'>;

/** Sidebar groups, in order. */
export const placeGroups: ReadonlyArray<{ labelKey: string | null; places: readonly PlaceId[] }> = [
  { labelKey: null, places: ['overview'] },
  { labelKey: 'nav.families', places: ['encoder', 'encoderDecoder', 'decoder', 'compare'] },
  { labelKey: 'nav.lab', places: ['train', 'library', 'scaling', 'walkthrough'] },
];

/** Every place with a description, in sidebar order (Compare has its own page, not a card). */
export const featurePlaces: readonly FeaturePlaceId[] = [
  'encoder',
  'encoderDecoder',
  'decoder',
  'train',
  'scaling',
  'walkthrough',
];
