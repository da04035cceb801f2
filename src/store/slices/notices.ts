/** Notices: raised by any slice through `notify`, dismissed by the user or by time. */
import { lifetimeOf, withNotice, type Notice } from '../notices';
import type { Slice } from './types';

export interface NoticesState {
  notices: Notice[];
}

export interface NoticesActions {
  notify(kind: Notice['kind'], text: string): void;
  dismissNotice(id: number): void;
}

export const INITIAL_NOTICES: NoticesState = { notices: [] };

let noticeIds = 0;

export const createNoticesSlice: Slice<NoticesState & NoticesActions> = (set, get) => ({
  ...INITIAL_NOTICES,

  notify(kind, text) {
    const id = ++noticeIds;
    set({ notices: withNotice(get().notices, { id, kind, text }) });
    const lifetime = lifetimeOf(kind);
    // Gone already if dismissed or repeated (a repeat is a new notice with its own time).
    if (lifetime !== null) setTimeout(() => get().dismissNotice(id), lifetime);
  },

  dismissNotice(id) {
    if (get().notices.some((n) => n.id === id)) set({ notices: get().notices.filter((n) => n.id !== id) });
  },
});
