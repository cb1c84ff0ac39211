/**
 * What an attention view shows and how: the view, the kind of attention, layer and head, the heads of the
 * lines view and the padding of the mask view — and the display preferences every page shares (colour scale,
 * large type), remembered across sessions.
 */
import { useCallback, useState } from 'react';
import type { AttentionKind } from '../../../shared/charts/attention-view';
import type { ColormapName } from '../../../shared/charts/color';
import { colormapNames } from '../../../shared/charts/color';

/** The views of a family page (the triptych only for T5). */
export const viewIds = ['head', 'overview', 'lines', 'mask', 'triptych'] as const;
/** One of {@link viewIds}. */
export type ViewId = (typeof viewIds)[number];

/** What one view shows. */
export interface ViewSettings {
  view: ViewId;
  kind: AttentionKind;
  layer: number;
  head: number | 'average';
  /** Lines view: the heads drawn (`null`: every head). */
  heads: readonly number[] | null;
  /** Mask view: [PAD] tokens appended to the input. */
  padding: number;
}

/** Display preferences shared by every attention view. */
export interface DisplayPrefs {
  colormap: ColormapName;
  isLargeType: boolean;
}

const prefsKey = 'attention-lab.views.display';
const defaultPrefs: DisplayPrefs = { colormap: 'viridis', isLargeType: false };

function storedPrefs(): DisplayPrefs {
  try {
    const stored = JSON.parse(localStorage.getItem(prefsKey) ?? '{}') as Partial<DisplayPrefs>;
    return {
      colormap: colormapNames.find((name) => name === stored.colormap) ?? defaultPrefs.colormap,
      isLargeType: stored.isLargeType === true,
    };
  } catch {
    return defaultPrefs; // unreadable or unavailable storage: start from the defaults
  }
}

/** The display preferences and a setter that remembers them. */
export function useDisplayPrefs(): [DisplayPrefs, (change: Partial<DisplayPrefs>) => void] {
  const [prefs, setPrefs] = useState(storedPrefs);
  const update = useCallback((change: Partial<DisplayPrefs>) => {
    setPrefs((current) => {
      const next = { ...current, ...change };
      try {
        localStorage.setItem(prefsKey, JSON.stringify(next));
      } catch {
        // not remembered; the change still applies now
      }
      return next;
    });
  }, []);
  return [prefs, update];
}

/** How much larger charts are drawn in large type. */
export const largeTypeZoom = 1.5;

/** Layer and head kept inside what a model has (after switching to a smaller model). */
export function clampSettings(settings: ViewSettings, layers: number, heads: number): ViewSettings {
  const layer = Math.min(settings.layer, Math.max(0, layers - 1));
  const head = settings.head === 'average' ? 'average' : Math.min(settings.head, Math.max(0, heads - 1));
  const kept = settings.heads?.filter((h) => h < heads) ?? null;
  return layer === settings.layer && head === settings.head && kept?.length === settings.heads?.length
    ? settings
    : { ...settings, layer, head, heads: kept };
}
