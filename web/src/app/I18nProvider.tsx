import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { setApiLocale } from './api';
import { I18nContext, isMessageKey, readStoredLocale, storeLocale, translate, type I18n, type Locale } from './i18n';

function applyLocale(locale: Locale): void {
  setApiLocale(locale);
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = locale;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const initial = readStoredLocale();
    applyLocale(initial);
    return initial;
  });

  useEffect(() => {
    applyLocale(locale);
    document.title = translate(locale, 'app.title');
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    applyLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(() => ({
    locale,
    t: (key, params) => translate(locale, key, params),
    tx: (key, fallback) => (isMessageKey(key) ? translate(locale, key) : (fallback ?? key)),
    setLocale,
  }), [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
