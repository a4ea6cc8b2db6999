import { useApiQuery } from '../../../app/useApi';
import { obligationKeys, obligationsApi, type Definition } from '../api/obligations.api';

const NONE: Definition[] = [];

/** The duties in force in the caller's district (names, cadences), for filters and the board's 催报; [] while loading. */
export function useDefinitions(): Definition[] {
  const { data } = useApiQuery(obligationKeys.definitions(), (signal) => obligationsApi.definitions(signal));
  return data?.items ?? NONE;
}
