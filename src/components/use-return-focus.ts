/** Gives focus back to whatever opened a panel when the panel closes, unless the user has moved it elsewhere. */
import { useEffect, useState, type RefObject } from 'react';

const shown = (el: HTMLElement) => el.isConnected && el.checkVisibility({ visibilityProperty: true });

/**
 * Call in a panel that mounts when it opens. The element focused at that moment is the opener; on unmount,
 * if focus was inside the panel or fell to the page (its button was removed), it goes back there, or to the
 * top bar's Menu button when the opener sat in the collapsed menu.
 */
export function useReturnFocus(panel: RefObject<HTMLElement | null>): void {
  // Read while the panel first renders: by the time effects run, a field inside it may have taken focus.
  const [opener] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  );
  useEffect(() => {
    const node = panel.current;
    return () => {
      const now = document.activeElement;
      const lost = !now || now === document.body || (node?.contains(now) ?? false);
      if (!lost) return;
      const menu = document.querySelector<HTMLElement>('.menu-toggle');
      const target = opener && shown(opener) ? opener : menu && shown(menu) ? menu : null;
      target?.focus();
    };
  }, [panel, opener]);
}
