import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { I18nContext, isMessageKey, translate, type I18n } from './i18n';
import type { ListState } from './useListState';

/*
 * What component tests (vitest) share: the app's real translations in zh-CN, a list state that stays put, and a
 * wrapper with a router and the translations. Only tests import this file.
 */

export const zhI18n: I18n = {
  locale: 'zh-CN',
  t: (key, params) => translate('zh-CN', key, params),
  tx: (key, fallback) => (isMessageKey(key) ? translate('zh-CN', key) : (fallback ?? key)),
  setLocale: () => undefined,
};

export const staticList: ListState = {
  page: 1, pageSize: 20, sort: undefined, order: undefined, filters: {}, query: {},
  setFilters: () => undefined, onTableChange: () => undefined, sortOrderOf: () => null,
};

export const withRouterAndI18n = (children: ReactNode) => <MemoryRouter><I18nContext.Provider value={zhI18n}>{children}</I18nContext.Provider></MemoryRouter>;
