/** Notices: raised by any slice through `notify`, dismissed by the user or by time. */
import { lifetimeOf, withNotice, type Notice } from '../notices';
import type { Slice } from './types';

export interface NoticesState {
  notices: Notice[];
  /** While the pointer or focus is on the notices, information does not fade (WCAG 2.2.1): it waits. */
  noticesHeld: boolean;
}

export interface NoticesActions {
  notify(kind: Notice['kind'], text: string): void;
  dismissNotice(id: number): void;
  /** Holds fading information while the reader is on it; on release, what came due fades a lifetime later. */
  holdNotices(held: boolean): void;
}

export const INITIAL_NOTICES: NoticesState = { notices: [], noticesHeld: false };

let noticeIds = 0;

export const createNoticesSlice: Slice<NoticesState & NoticesActions> = (set, get) => {
  /** Information that came due while the notices were held, in this store. */
  const due = new Set<number>();
  return {
    ...INITIAL_NOTICES,

    notify(kind, text) {
      const id = ++noticeIds;
      set({ notices: withNotice(get().notices, { id, kind, text }) });
      const lifetime = lifetimeOf(kind);
      // Gone already if dismissed or repeated (a repeat is a new notice with its own time).
      const fade = () => {
        if (get().noticesHeld) due.add(id);
        else get().dismissNotice(id);
      };
      if (lifetime !== null) setTimeout(fade, lifetime);
    },

    holdNotices(held) {
      if (held === get().noticesHeld) return;
      set({ noticesHeld: held });
      if (held) return;
      for (const id of due) {
        const notice = get().notices.find((n) => n.id === id);
        const lifetime = notice ? lifetimeOf(notice.kind) : null;
        if (lifetime !== null)
          setTimeout(() => (get().noticesHeld ? due.add(id) : get().dismissNotice(id)), lifetime);
      }
      due.clear();
    },

    dismissNotice(id) {
      if (get().notices.some((n) => n.id === id)) set({ notices: get().notices.filter((n) => n.id !== id) });
    },
  };
};
