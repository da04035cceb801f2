import { describe, expect, it } from 'vitest';
import { sharedAppPage, waitSettled } from './app-page';

/** What scripts and tests ask of the canvas through window.threadline: where things are drawn and what a click there hits. */
describe('the canvas through window.threadline', () => {
  const page = sharedAppPage();

  it("a click at an element's page position hits that element, and a click in the margin hits nothing", async () => {
    await waitSettled(page());
    const hits = await page().evaluate(() => {
      const t = window.threadline!;
      const at = (id: string) => t.hitTest(t.pagePosition(id)!);
      const box = t.cy!.container()!.getBoundingClientRect();
      return {
        trump: at('donald-trump'),
        putin: at('vladimir-putin'),
        margin: t.hitTest({ x: box.left + 4, y: box.top + 4 }),
      };
    });
    expect(hits).toEqual({ trump: 'donald-trump', putin: 'vladimir-putin', margin: null });
  });

  it('centring on an entity draws it, label and all, in the middle of the canvas and leaves the view in the store alone', async () => {
    const result = await page().evaluate(() => {
      const t = window.threadline!;
      const view = t.getState().view;
      const ids = t.cy!.nodes('[kind = "entity"]').map((n) => n.id());
      const box = t.cy!.container()!.getBoundingClientRect();
      const middle = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      // The one drawn farthest from the middle, so the camera has to move.
      const far = (id: string) => {
        const p = t.pagePosition(id)!;
        return Math.hypot(p.x - middle.x, p.y - middle.y);
      };
      const id = ids.reduce((a, b) => (far(b) > far(a) ? b : a));
      const before = far(id);
      t.centreOn(id);
      const drawn = t.cy!.$id(id).renderedBoundingBox();
      const centre = { x: box.left + (drawn.x1 + drawn.x2) / 2, y: box.top + (drawn.y1 + drawn.y2) / 2 };
      return {
        before,
        after: Math.hypot(centre.x - middle.x, centre.y - middle.y),
        same: t.getState().view === view,
        hit: t.hitTest(middle) === id,
      };
    });
    expect(result.before).toBeGreaterThan(50);
    expect(result.after).toBeLessThan(1);
    expect(result.same).toBe(true);
    expect(result.hit).toBe(true);
  });
});
