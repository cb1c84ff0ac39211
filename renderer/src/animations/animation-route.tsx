/**
 * A page address that shows one animation alone: `?view=animation&objective=bert|t5|gpt[&model=ID]`. The app
 * calls {@link animationRoute} before drawing its usual layout, so the address works in the browser host and in
 * Electron (and end-to-end tests can open an animation directly).
 */
import type { ReactElement } from 'react';
import type { Objective } from '../../../shared/animations/frame';
import { objectives } from '../../../shared/animations/frame';
import type { LabApi } from '../../../shared/contract/api';
import { ObjectiveAnimation } from './objective-animation';

/** The objective and model an address asks for, or null when it is not an animation address. */
export function parseAnimationRoute(search: string): { objective: Objective; modelId?: string } | null {
  const params = new URLSearchParams(search);
  const objective = params.get('objective') as Objective | null;
  if (params.get('view') !== 'animation' || !objective || !objectives.includes(objective)) return null;
  const modelId = params.get('model');
  return modelId ? { objective, modelId } : { objective };
}

/** The animation page for `search` (e.g. `window.location.search`), or null for any other address. */
export function animationRoute(search: string, api: LabApi): ReactElement | null {
  const route = parseAnimationRoute(search);
  if (!route) return null;
  return (
    <main className="animation-page">
      <ObjectiveAnimation api={api} {...route} />
    </main>
  );
}
