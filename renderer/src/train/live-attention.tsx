/**
 * Attention over training: while a run is live, the family's own map (BERT's encoder self-attention, T5's
 * cross-attention, GPT's causal self-attention) for the chapter's sentence, read from the run's current weights
 * (`train:attention`) every N steps, with layer and head pickers — watch the heads form as the loss falls.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabApi } from '../../../shared/contract/api';
import { asLabError } from '../errors/as-lab-error';
import { defaultTarget, defaultText } from '../places/families';
import { Picker } from '../views/view-controls';
import type { ViewData } from '../views/view-data';
import { viewDataOf } from '../views/view-data';
import { AttentionPanel } from './attention-panel';
import type { TrainingSnapshot } from './training-store';

/** The refresh intervals offered, in steps. */
export const refreshIntervals = [5, 10, 25, 50, 100] as const;
/** The interval a run starts with. */
export const defaultRefreshInterval = 25;

interface Drawn {
  runId: string;
  step: number;
  data: ViewData;
}

/** The live view of run `training` (shown by the Train page while the run is live). */
export function LiveAttention({ api, training }: { api: LabApi; training: TrainingSnapshot }) {
  const { t, i18n } = useTranslation();
  const [every, setEvery] = useState<number>(defaultRefreshInterval);
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const isAsking = useRef(false);
  const runId = training.runId;
  const step = training.progress?.step ?? 0;
  const family = training.request?.family ?? 'gpt';
  const lastStep = drawn?.runId === runId ? drawn.step : null;

  useEffect(() => {
    // One request at a time: at the first step, then whenever `every` more steps have passed.
    const isDue = lastStep === null ? step >= 1 : step - lastStep >= every;
    if (!runId || !isDue || isAsking.current) return;
    isAsking.current = true;
    const target = family === 't5' ? defaultTarget : undefined;
    api
      .invoke('train:attention', { runId, text: defaultText, ...(target ? { target } : {}) })
      .then((result) => {
        setDrawn({ runId, step, data: viewDataOf(result, defaultText, target) });
        setProblem(null);
      })
      // The run may end between the progress and the answer; the view then simply stops following it.
      .catch((error: unknown) => setProblem(asLabError(error).message))
      .finally(() => {
        isAsking.current = false;
      });
  }, [api, runId, step, every, lastStep, family]);

  const data = drawn?.runId === runId ? drawn.data : null;
  const number = new Intl.NumberFormat(i18n.language);

  return (
    <section className="card train-live" aria-labelledby="train-live-heading" data-testid="train-live">
      <h2 id="train-live-heading" className="card-title">
        {t('train.live.heading')}
      </h2>
      <AttentionPanel
        family={family}
        data={data}
        title={t('train.live.title', { step: number.format(drawn?.step ?? 0) })}
        describe={(kind) => t(`train.live.kind.${kind}`)}
        controls={
          <Picker
            label={t('train.live.every')}
            value={String(every)}
            options={refreshIntervals.map((n) => ({ value: String(n), label: number.format(n) }))}
            onChange={(value) => setEvery(Number(value))}
            testId="train-live-every"
          />
        }
        above={
          drawn ? (
            <p className="train-live-step" data-testid="train-live-step" data-step={drawn.step}>
              {t('train.live.step', { step: number.format(drawn.step) })}
            </p>
          ) : null
        }
        placeholder={<p className="muted">{problem ?? t('train.live.waiting')}</p>}
      />
    </section>
  );
}
