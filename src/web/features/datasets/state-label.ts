import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { datasets } from '../../i18n/en/datasets';

type KnownState = keyof typeof datasets.state;

function isKnownState(state: string): state is KnownState {
  return Object.hasOwn(datasets.state, state);
}

/**
 * A dataset's state as the server reports it (`ready`, `importing`, …), in the UI's language; a
 * state this app does not know (a newer server) is shown as sent.
 */
export function useDatasetStateLabel(): (state: string) => string {
  const { t } = useTranslation('datasets');
  return useCallback((state: string) => (isKnownState(state) ? t(`state.${state}`) : state), [t]);
}
