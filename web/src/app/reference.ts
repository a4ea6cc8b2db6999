import { useEffect, useState } from 'react';
import { api } from './api';

export type Subdistrict = { id: string; code: string; name: string };
export type Industry = { code: string; name: string; nameEn: string; highRisk: boolean; categories: string[] };
export type Department = { id: string; code: string; name: string; industryCodes: string[] };
export type Institution = { id: string; kind: 'insurer' | 'service'; name: string };

type ReferenceMap = {
  subdistricts: Subdistrict[];
  industries: Industry[];
  departments: Department[];
  institutions: Institution[];
};
type ReferenceKind = keyof ReferenceMap;

// Reference lists change rarely: one request per session and kind, shared by every select that needs it.
const cache = new Map<ReferenceKind, Promise<unknown>>();

export function clearReferenceCache(): void {
  cache.clear();
}

export function loadReference<K extends ReferenceKind>(kind: K): Promise<ReferenceMap[K]> {
  let pending = cache.get(kind) as Promise<ReferenceMap[K]> | undefined;
  if (!pending) {
    pending = api.get<ReferenceMap[K]>(`/${kind}`);
    pending.catch(() => cache.delete(kind));
    cache.set(kind, pending);
  }
  return pending;
}

/** The list, or an empty list while it loads (or when the user may not read it). */
export function useReference<K extends ReferenceKind>(kind: K, enabled = true): ReferenceMap[K] {
  const [data, setData] = useState<ReferenceMap[K]>([] as unknown as ReferenceMap[K]);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    loadReference(kind).then((d) => { if (live) setData(d); }).catch(() => undefined);
    return () => { live = false; };
  }, [kind, enabled]);
  return data;
}

export function industryName(industry: Industry, locale: string): string {
  return locale === 'en-US' && industry.nameEn ? industry.nameEn : industry.name;
}
