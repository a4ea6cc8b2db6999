import { useQuery } from '@tanstack/react-query';
import type { ResponseOf } from '../api/types';
import { api } from './api';
import { queryClient } from './query';

export type Subdistrict = ResponseOf<'/subdistricts'>[number];
export type Industry = ResponseOf<'/industries'>[number];
export type Department = ResponseOf<'/departments'>[number];
export type Institution = ResponseOf<'/institutions'>[number];

type ReferenceMap = {
  subdistricts: Subdistrict[];
  industries: Industry[];
  departments: Department[];
  institutions: Institution[];
};
type ReferenceKind = keyof ReferenceMap;

/** Reference lists change rarely: one request per session and kind, shared by every select that needs it. */
const referenceQuery = <K extends ReferenceKind>(kind: K) => ({
  queryKey: ['reference', kind] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => api.get<ReferenceMap[K]>(`/${kind}`, undefined, { signal }),
  staleTime: Infinity,
  gcTime: Infinity,
});

export function clearReferenceCache(): void {
  queryClient.removeQueries({ queryKey: ['reference'] });
}

/** For code outside React (the home page's figures); the same cache entry as useReference. */
export function loadReference<K extends ReferenceKind>(kind: K): Promise<ReferenceMap[K]> {
  return queryClient.fetchQuery(referenceQuery(kind));
}

const EMPTY: never[] = [];

/** The list, or an empty list while it loads (or when the user may not read it). */
export function useReference<K extends ReferenceKind>(kind: K, enabled = true): ReferenceMap[K] {
  const q = useQuery({ ...referenceQuery(kind), enabled });
  return q.data ?? (EMPTY as ReferenceMap[K]);
}

export function industryName(industry: Industry, locale: string): string {
  return locale === 'en-US' && industry.nameEn ? industry.nameEn : industry.name;
}
