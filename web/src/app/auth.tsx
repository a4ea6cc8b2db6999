import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { isApiError, setApiHandlers, setCsrfToken } from './api';
import { useI18n } from './i18n';
import { clearClientCache } from './query';
import { authApi, type Me, type Permission } from '../modules/auth/api/auth.api';

type AuthContextValue = {
  /** undefined while the session is being probed, null when signed out. */
  me: Me | null | undefined;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  refresh: () => Promise<Me | null>;
  can: (permission: Permission) => boolean;
};

const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only for components rendered behind RequireAuth. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a session');
  return me;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const { locale, t } = useI18n();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const localeSynced = useRef<string | null>(null);

  const adopt = useCallback((next: Me | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setMe(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const next = await authApi.me();
      adopt(next);
      return next;
    } catch (e) {
      if (isApiError(e) && e.code === 'UNAUTHENTICATED') {
        adopt(null);
        return null;
      }
      throw e;
    }
  }, [adopt]);

  useEffect(() => {
    setApiHandlers({
      onUnauthenticated: () => {
        clearClientCache();
        adopt(null);
      },
      onPasswordChangeRequired: () => setMe((m) => (m ? { ...m, mustChangePassword: true } : m)),
    });
  }, [adopt]);

  useEffect(() => {
    setApiHandlers({ networkMessage: () => t('error.NETWORK') });
  }, [t]);

  useEffect(() => {
    refresh().catch(() => adopt(null));
  }, [refresh, adopt]);

  // The language picked in the browser wins: the server keeps it for e-mails, exports and notifications,
  // and /auth/me is fetched again so that role and scope names come back in that language.
  useEffect(() => {
    if (!me || me.locale === locale || me.mustChangePassword) return;
    const key = `${me.id}:${locale}`;
    if (localeSynced.current === key) return;
    localeSynced.current = key;
    authApi.setLocale(locale).then(() => refresh()).catch(() => undefined);
  }, [me, locale, refresh]);

  const login = useCallback(async (username: string, password: string) => {
    const res = await authApi.login(username, password);
    clearClientCache();
    adopt({ ...res.user, csrfToken: res.csrfToken });
    return res.user;
  }, [adopt]);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      clearClientCache();
      localeSynced.current = null;
      adopt(null);
    }
  }, [adopt]);

  const value = useMemo<AuthContextValue>(() => ({
    me,
    login,
    logout,
    refresh,
    can: (permission) => !!me && me.permissions.includes(permission),
  }), [me, login, logout, refresh]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
