/** How notices stack and when they go: pure, so the store and its tests share one rule. */

export interface Notice {
  id: number;
  kind: 'info' | 'warning' | 'error';
  text: string;
  /** How many times the same notice was raised; repeats count up instead of stacking. */
  count: number;
}

/** At most this many at once, so they never bury the graph. */
export const MAX_NOTICES = 4;

/** Information fades after this long; a warning or an error stays until dismissed, as it asks for action. */
export const INFO_LIFETIME_MS = 8_000;

export function lifetimeOf(kind: Notice['kind']): number | null {
  return kind === 'info' ? INFO_LIFETIME_MS : null;
}

/**
 * The notices after `notice` is raised: a repeat of one already shown moves to the end with its count
 * raised; beyond the limit the oldest goes, the oldest information first, so an error is not pushed out by
 * chatter.
 */
export function withNotice(notices: readonly Notice[], notice: Omit<Notice, 'count'>): Notice[] {
  const repeat = notices.find((n) => n.kind === notice.kind && n.text === notice.text);
  const next = [...notices.filter((n) => n !== repeat), { ...notice, count: (repeat?.count ?? 0) + 1 }];
  while (next.length > MAX_NOTICES) {
    const info = next.findIndex((n) => n.kind === 'info');
    next.splice(info >= 0 && info < next.length - 1 ? info : 0, 1);
  }
  return next;
}
