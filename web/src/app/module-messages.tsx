import { use, type ReactNode } from 'react';
import { addMessages } from './i18n';
import { WEB_MODULES } from './module-list';

let ready: Promise<void> | null = null;

/**
 * Issue 8 §4: every module's strings, each from its own chunk, fetched together once. The login page never asks for
 * them (it carries the core strings only); a failed fetch (the network dropped) is tried again on the next render.
 */
export function loadModuleMessages(): Promise<void> {
  ready ??= Promise.all(WEB_MODULES.map(async (m) => { if (m.messages) addMessages(await m.messages()); }))
    .then(() => undefined)
    .catch((e: unknown) => {
      ready = null;
      throw e;
    });
  return ready;
}

/** Renders its children once the modules' strings are in (suspends meanwhile: wrap it in a Suspense, as `Full` is). */
export function WithModuleMessages({ children }: { children: ReactNode }) {
  use(loadModuleMessages());
  return children;
}
