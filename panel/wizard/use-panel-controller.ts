/**
 * The panel's state and host calls as one React hook: the wizard reducer held in a small store (so the controller
 * reads the state its own actions just made, not the last render's), the controller's actions, and the settings and
 * last apply loaded once per host.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Lang } from '../../core/labels.js';
import type { PanelHost } from '../host.js';
import { createPanelActions, type PanelActions } from './controller.js';
import { initialState, wizardReducer, type WizardAction, type WizardState } from './reducer.js';

export interface PanelController {
  readonly state: WizardState;
  readonly dispatch: (action: WizardAction) => void;
  readonly actions: PanelActions;
}

export function usePanelController(host: PanelHost, startLang: () => Lang): PanelController {
  const store = useRef<WizardState>();
  if (!store.current) store.current = initialState(startLang());
  const [state, setState] = useState<WizardState>(store.current);

  const dispatch = useMemo(
    () =>
      (action: WizardAction): void => {
        const next = wizardReducer(store.current as WizardState, action);
        if (next === store.current) return;
        store.current = next;
        setState(next);
      },
    [],
  );

  const actions = useMemo(
    () => createPanelActions({ host, dispatch, current: () => store.current as WizardState }),
    [host, dispatch],
  );

  useEffect(() => {
    void actions.load();
  }, [actions]);

  return { state, dispatch, actions };
}
