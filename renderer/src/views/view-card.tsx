/**
 * An attention view with everything around it: what is wrong with the input (empty text, text cut to the
 * context, words read as [UNK]), a clear message instead of a blank canvas when there is nothing to draw (no
 * model, a checkpoint that failed to load, an engine error), the figure, and its snapshot menu.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { asLanguage } from '../../../shared/animations/narration';
import { attentionFigure, attentionTitle } from '../../../shared/charts/attention-view';
import type { ThemeName } from '../../../shared/charts/color';
import type { Language } from '../../../shared/charts/figure-text';
import type { GridColumn } from '../../../shared/charts/head-grid';
import type { LabApi } from '../../../shared/contract/api';
import type { LabError } from '../../../shared/contract/errors';
import type { ModelInfo } from '../../../shared/contract/model';
import { AttentionFigure } from './attention-figure';
import type { AttentionFigureProps } from './attention-figure';
import { SnapshotMenu } from './snapshot-menu';
import './views.css';
import type { ViewData } from './view-data';
import { exportBaseName, figureRequest, viewNumbers, viewRequest } from './view-data';
import type { DisplayPrefs, ViewSettings } from './view-settings';

/** The title of a view in `language`: the same words its exported figure carries. */
export function viewTitle(language: Language, family: ViewData['family'], settings: ViewSettings): string {
  return attentionTitle(family, viewRequest(family, settings, language));
}

/** A message in place of the figure. */
export function ViewMessage(props: { title: string; body?: string; tone?: 'info' | 'error' }) {
  return (
    <div
      className={`view-message view-message-${props.tone ?? 'info'}`}
      role={props.tone === 'error' ? 'alert' : 'status'}
    >
      <p className="view-message-title">{props.title}</p>
      {props.body ? <p className="view-message-body">{props.body}</p> : null}
    </div>
  );
}

/** An error as a message: its translated title and the engine's specific explanation. */
export function ErrorMessage({ error }: { error: LabError }) {
  const { t } = useTranslation();
  return <ViewMessage tone="error" title={t(`errors.${error.code}.title`)} body={error.message} />;
}

/** Notices about the input the figure was drawn for. */
function InputNotices({ data, model }: { data: ViewData; model: ModelInfo }) {
  const { t } = useTranslation();
  const notices: ReactNode[] = [];
  if (data.isTruncated.input) {
    notices.push(
      <p key="cut" className="input-notice" data-testid="truncated-notice">
        {t('views.notice.truncated', { tokens: model.config.maxLength })}
      </p>,
    );
  }
  if (data.unknownWords.length > 0) {
    notices.push(
      <p key="unk" className="input-notice" data-testid="unknown-notice">
        {t('views.notice.unknown', { count: data.unknownWords.length })}{' '}
        {data.unknownWords.map((word) => (
          <code key={word} className="unknown-word">
            {word} → [UNK]
          </code>
        ))}
      </p>,
    );
  }
  return notices.length > 0 ? <div className="input-notices">{notices}</div> : null;
}

/** Props of {@link ViewCard}. */
export interface ViewCardProps extends Pick<
  AttentionFigureProps,
  'layout' | 'focusWord' | 'maxHeight' | 'maxZoom'
> {
  api: LabApi;
  model: ModelInfo | null;
  /** Why there is no model (failed to open), or null. */
  modelProblem: ReactNode;
  isModelOpening: boolean;
  data: ViewData | null;
  error: LabError | null;
  isEmpty: boolean;
  isPending: boolean;
  settings: ViewSettings;
  prefs: DisplayPrefs;
  theme: ThemeName;
  onOpenHead?: (layer: number, column: GridColumn) => void;
  onHeadsChange?: (heads: number[]) => void;
}

/** The figure of a view with its notices and snapshots. */
export function ViewCard(props: ViewCardProps) {
  const { t, i18n } = useTranslation();
  const language = asLanguage(i18n.language);
  const { api, model, data, settings, prefs, theme } = props;

  let body: ReactNode;
  if (props.modelProblem) body = props.modelProblem;
  else if (!model) body = <ViewMessage title={t('views.model.opening')} />;
  else if (props.isEmpty)
    body = <ViewMessage title={t('views.notice.empty')} body={t('views.notice.emptyHint')} />;
  else if (props.error && !data) body = <ErrorMessage error={props.error} />;
  else if (!data) body = <ViewMessage title={t('views.notice.computing')} />;
  else
    body = (
      <>
        {props.error ? <ErrorMessage error={props.error} /> : null}
        <InputNotices data={data} model={model} />
        <AttentionFigure
          data={data}
          settings={settings}
          prefs={prefs}
          theme={theme}
          title={viewTitle(language, data.family, settings)}
          {...(props.onOpenHead ? { onOpenHead: props.onOpenHead } : {})}
          {...(props.onHeadsChange ? { onHeadsChange: props.onHeadsChange } : {})}
          {...(props.layout ? { layout: props.layout } : {})}
          {...(props.focusWord ? { focusWord: props.focusWord } : {})}
          {...(props.maxHeight ? { maxHeight: props.maxHeight } : {})}
          {...(props.maxZoom ? { maxZoom: props.maxZoom } : {})}
        />
      </>
    );
  const canExport = !props.isEmpty && !props.modelProblem;
  return (
    <section
      className="card view-card"
      aria-busy={props.isPending || props.isModelOpening}
      data-testid="view-card"
      data-state={props.isPending ? 'pending' : 'idle'}
    >
      <div className="view-body">{body}</div>
      {canExport && data && model ? (
        <SnapshotMenu
          api={api}
          baseName={exportBaseName(settings, model)}
          figure={() =>
            attentionFigure(data, figureRequest(data, settings, { ...prefs, theme, language }, model))
          }
          numbers={() =>
            viewNumbers(data, settings, figureRequest(data, settings, { ...prefs, theme, language }, model))
          }
        />
      ) : null}
    </section>
  );
}
