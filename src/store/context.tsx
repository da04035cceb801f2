/** React access to the one store: a provider for the app (and tests), and typed selector hooks. */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ThreadlineActions, ThreadlineState, ThreadlineStore } from './store';

const StoreContext = createContext<ThreadlineStore | null>(null);

export function StoreProvider({ store, children }: { store: ThreadlineStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useStoreApi(): ThreadlineStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStoreApi outside <StoreProvider>');
  return store;
}

export function useThreadline<T>(selector: (s: ThreadlineState & ThreadlineActions) => T): T {
  return useStore(useStoreApi(), selector);
}

/** The actions never change; reading them does not subscribe to anything. */
export function useActions(): ThreadlineActions {
  return useStoreApi().getState();
}
