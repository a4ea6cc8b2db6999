import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

type PageTitleValue = { title: string | null; setTitle: (title: string | null) => void };

const PageTitleContext = createContext<PageTitleValue>({ title: null, setTitle: () => undefined });

/** Lets a detail page name itself in the breadcrumb (the enterprise's name instead of "详情"). */
export function PageTitleProvider({ children }: { children: ReactNode }) {
  const [title, setTitle] = useState<string | null>(null);
  return <PageTitleContext.Provider value={{ title, setTitle }}>{children}</PageTitleContext.Provider>;
}

export function usePageTitleValue(): string | null {
  return useContext(PageTitleContext).title;
}

export function usePageTitle(title: string | null | undefined): void {
  const { setTitle } = useContext(PageTitleContext);
  useEffect(() => {
    setTitle(title ?? null);
    return () => setTitle(null);
  }, [title, setTitle]);
}
