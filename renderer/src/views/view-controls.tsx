/**
 * The controls above an attention view: the view switcher (Head, Overview, Lines, Mask, and T5's Triptych),
 * the kind of attention, layer and head pickers, padding for the mask view, the colour scale and large type.
 * Each control shows only where it changes something.
 */
import { useId } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttentionKind } from '../../../shared/charts/attention-view';
import { colormapNames } from '../../../shared/charts/color';
import { maxPadding } from '../../../shared/charts/mask-pattern';
import type { DisplayPrefs, ViewId, ViewSettings } from './view-settings';

/** A labelled select. */
export function Picker(props: {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  testId?: string;
}) {
  const id = useId();
  return (
    <span className="picker">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        data-testid={props.testId}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </span>
  );
}

/** Layer and head pickers (shared with the Compare page). */
export function LayerHeadPickers(props: {
  layer: number;
  head: number | 'average';
  layers: number;
  heads: number;
  showHead?: boolean;
  onChange: (change: { layer?: number; head?: number | 'average' }) => void;
}) {
  const { t } = useTranslation();
  const layerOptions = Array.from({ length: props.layers }, (_, l) => ({
    value: String(l),
    label: String(l),
  }));
  const headOptions = [
    ...Array.from({ length: props.heads }, (_, h) => ({ value: String(h), label: String(h) })),
    { value: 'average', label: t('views.average') },
  ];
  return (
    <>
      <Picker
        label={t('views.layer')}
        value={String(props.layer)}
        options={layerOptions}
        onChange={(value) => props.onChange({ layer: Number(value) })}
        testId="layer-picker"
      />
      {props.showHead === false ? null : (
        <Picker
          label={t('views.head')}
          value={String(props.head)}
          options={headOptions}
          onChange={(value) => props.onChange({ head: value === 'average' ? 'average' : Number(value) })}
          testId="head-picker"
        />
      )}
    </>
  );
}

/** Colour scale and large type, shared by every view. */
export function DisplayControls(props: {
  prefs: DisplayPrefs;
  onChange: (change: Partial<DisplayPrefs>) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Picker
        label={t('views.colormap')}
        value={props.prefs.colormap}
        options={colormapNames.map((name) => ({ value: name, label: name }))}
        onChange={(value) => {
          const colormap = colormapNames.find((name) => name === value);
          if (colormap) props.onChange({ colormap });
        }}
        testId="colormap-picker"
      />
      <label className="toggle">
        <input
          type="checkbox"
          checked={props.prefs.isLargeType}
          onChange={(event) => props.onChange({ isLargeType: event.target.checked })}
        />
        {t('views.largeType')}
      </label>
    </>
  );
}

/** The view switcher and the pickers of the current view. */
export function ViewControls(props: {
  views: readonly ViewId[];
  kinds: readonly AttentionKind[];
  settings: ViewSettings;
  layers: number;
  heads: number;
  isT5: boolean;
  onChange: (change: Partial<ViewSettings>) => void;
  display: ReactNode;
}) {
  const { t } = useTranslation();
  const { settings, onChange } = props;
  const { view } = settings;
  const hasKind = props.kinds.length > 1 && view !== 'triptych' && !(view === 'mask' && props.isT5);
  const hasLayer = view === 'head' || view === 'lines' || view === 'triptych';
  return (
    <div className="view-controls">
      <div className="view-switch" role="group" aria-label={t('views.view')}>
        {props.views.map((id) => (
          <button
            key={id}
            type="button"
            className="view-switch-button"
            aria-pressed={view === id}
            onClick={() => onChange({ view: id })}
          >
            {t(`views.name.${id}`)}
          </button>
        ))}
      </div>
      <div className="view-pickers">
        {hasKind ? (
          <Picker
            label={t('views.attention')}
            value={settings.kind}
            options={props.kinds.map((kind) => ({ value: kind, label: t(`views.kind.${kind}`) }))}
            onChange={(value) => {
              const kind = props.kinds.find((k) => k === value);
              if (kind) onChange({ kind });
            }}
            testId="kind-picker"
          />
        ) : null}
        {hasLayer ? (
          <LayerHeadPickers
            layer={settings.layer}
            head={settings.head}
            layers={props.layers}
            heads={props.heads}
            showHead={view !== 'lines'}
            onChange={onChange}
          />
        ) : null}
        {view === 'mask' ? (
          <Picker
            label={t('views.padding')}
            value={String(settings.padding)}
            options={[0, 1, 2, 3, 4, maxPadding].map((n) => ({
              value: String(n),
              label: n === 0 ? t('views.noPadding') : t('views.padTokens', { count: n }),
            }))}
            onChange={(value) => onChange({ padding: Number(value) })}
            testId="padding-picker"
          />
        ) : null}
        {props.display}
      </div>
    </div>
  );
}
