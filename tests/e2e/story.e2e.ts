import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawnEntityIds, sharedAppPage, waitSettled } from './app-page';
import { ARTIFACTS } from './chromium';

/** Telling it in steps: two views saved with captions, played in order, and carried by the link. */
describe('story mode', () => {
  const page = sharedAppPage();
  const panel = () => page().getByTestId('story-panel');
  const player = () => page().getByTestId('story-player');
  let first: string[] = [];
  let second: string[] = [];

  it('saves two views as steps with their captions', async () => {
    await page().setViewportSize({ width: 1440, height: 900 });
    await page().getByRole('button', { name: 'Story', exact: true }).click();
    await panel().getByLabel('Title').fill('Money from Russia');
    first = (await drawnEntityIds(page())).sort();
    await panel().getByLabel('Caption for this view').fill('Where it starts: <b>everyone</b>.');
    await panel().getByRole('button', { name: 'Add this view as a step' }).click();
    // The second view: only Eric Trump and what he is linked to, with his quote selected.
    await page().evaluate(() => {
      const a = window.threadline!.actions;
      a.clearView();
      a.addEntities(['eric-trump']);
      a.expand('eric-trump');
      const m = window.threadline!.getState().model!;
      const r = [...m.relations.values()].find(
        (x) => x.evidence.includes('q-eric') && x.target === 'russia',
      )!;
      a.selectRelation(r.id);
    });
    await waitSettled(page());
    second = (await drawnEntityIds(page())).sort();
    await panel().getByLabel('Caption for this view').fill('Eric Trump on golf money');
    await panel().getByRole('button', { name: 'Add this view as a step' }).click();
    await expect(panel().locator('.story-steps li').count()).resolves.toBe(2);
  });

  it('plays them in order: the first step’s view and caption, then → to the second with its quote', async () => {
    await panel().getByRole('button', { name: 'Play the story' }).click();
    await player().waitFor();
    // The story takes the stage: the panel steps aside.
    await panel().waitFor({ state: 'detached' });
    await waitSettled(page());
    expect((await drawnEntityIds(page())).sort()).toEqual(first);
    await expect(player().textContent()).resolves.toContain('Step 1 of 2');
    // The caption is text: the markup typed into it shows as typed.
    await expect(player().locator('.story-caption').textContent()).resolves.toBe(
      'Where it starts: <b>everyone</b>.',
    );
    await page()
      .locator('body')
      .click({ position: { x: 5, y: 890 } });
    await page().keyboard.press('ArrowRight');
    await page().waitForFunction(() => window.threadline!.getState().storyStep === 1);
    await waitSettled(page());
    expect((await drawnEntityIds(page())).sort()).toEqual(second);
    await expect(player().locator('blockquote').textContent()).resolves.toContain('golf courses');
    await page().screenshot({ path: join(ARTIFACTS, 'story-step-2.png') });
    await player().getByRole('button', { name: '← Previous' }).click();
    await page().waitForFunction(() => window.threadline!.getState().storyStep === 0);
    await page().keyboard.press('Escape');
    await player().waitFor({ state: 'detached' });
  });

  it('travels in the share link: a fresh page opened on it has the story', async () => {
    const link = await page().evaluate(() => window.location.href);
    expect(link).toContain(';st=');
    const other = await page().context().newPage();
    await other.goto(link);
    await other.waitForFunction(() => window.threadline?.getState().story.steps.length === 2);
    expect(await other.evaluate(() => window.threadline!.getState().story.title)).toBe('Money from Russia');
    await other.close();
  });

  it('a step whose entities are gone says so and still plays the rest', async () => {
    await page().evaluate(() => {
      const s = window.threadline!.getState();
      const steps = s.story.steps.map((st, i) =>
        i === 0
          ? { ...st, entities: [...st.entities, 'no-such-entity'], positions: [...st.positions, null] }
          : st,
      );
      window.threadline!.actions.setStory({ ...s.story, steps });
      window.threadline!.actions.playStory(0);
    });
    await page().getByText('"no-such-entity" is no longer in the dataset').first().waitFor();
    await waitSettled(page());
    expect((await drawnEntityIds(page())).sort()).toEqual(first);
    await page().keyboard.press('Escape');
  });

  it('on a phone the player fits the screen', async () => {
    await page().setViewportSize({ width: 390, height: 844 });
    await page().evaluate(() => window.threadline!.actions.playStory(1));
    await player().waitFor();
    const box = await player().boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await page().screenshot({ path: join(ARTIFACTS, 'story-phone.png') });
    await page().setViewportSize({ width: 1440, height: 900 });
  });
});
