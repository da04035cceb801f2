import { describe, expect, it } from 'vitest';
import { clickToSelect, sharedAppPage, waitSettled } from './app-page';

/** New nodes never land on a node already drawn, so a click on a node selects that node. */
describe('placing new nodes', () => {
  const page = sharedAppPage();

  it('moves a node added onto another aside, and a click on the one below still selects it', async () => {
    // Russia at the origin and Kim Jong-un (no relation to Eric Trump) exactly where Eric Trump's first
    // spot beside his only drawn neighbour, Russia, would be.
    await page().evaluate(() => {
      const t = window.threadline!;
      const s = t.getState();
      t.actions.restoreView(
        {
          visible: new Set(['russia', 'kim-jong-un']),
          addedBy: new Map(),
          positions: new Map([
            ['russia', { x: 0, y: 0 }],
            ['kim-jong-un', { x: 90, y: 0 }],
          ]),
        },
        null,
        s.filters,
      );
    });
    await waitSettled(page());
    await page().evaluate(() => window.threadline!.actions.addEntities(['eric-trump']));
    await page().waitForFunction(() => window.threadline!.cy!.$id('eric-trump').nonempty());
    await waitSettled(page());
    const overlapping = await page().evaluate(() => {
      const cy = window.threadline!.cy!;
      const box = (id: string) => cy.$id(id).boundingBox({ includeLabels: true, includeOverlays: false });
      const e = box('eric-trump');
      return ['russia', 'kim-jong-un'].filter((id) => {
        const o = box(id);
        return e.x1 < o.x2 && o.x1 < e.x2 && e.y1 < o.y2 && o.y1 < e.y2;
      });
    });
    expect(overlapping).toEqual([]);
    await clickToSelect(page(), 'kim-jong-un');
    expect(await page().evaluate(() => window.threadline!.getState().selection)).toEqual({
      kind: 'entity',
      id: 'kim-jong-un',
    });
  });
});
