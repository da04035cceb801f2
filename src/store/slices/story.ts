/** The story being told: views saved as steps, and which one is playing. */
import { EMPTY_STORY, MAX_STEPS, type Story, type StoryStep } from '../../model/story/story';
import { resolveStep, stepFromView } from '../../model/story/story-steps';
import type { Slice } from './types';

export interface StoryState {
  story: Story;
  /** The step on screen while the story plays; null when it does not. */
  storyStep: number | null;
  /** Bumped when a step is played, so the canvas moves nodes to their places smoothly instead of jumping. */
  transitionVersion: number;
}

export interface StoryActions {
  /** Saves what is shown now as a step, after the others (or after `after`). */
  addStoryStep(caption: string, options?: { quoteId?: string; after?: number }): void;
  updateStoryStep(index: number, patch: Partial<Pick<StoryStep, 'caption' | 'quoteId'>>): void;
  /** Replaces a step's view with what is shown now, keeping its caption. */
  retakeStoryStep(index: number): void;
  removeStoryStep(index: number): void;
  moveStoryStep(index: number, by: -1 | 1): void;
  setStoryTitle(title: string): void;
  setStory(story: Story): void;
  playStory(index?: number): void;
  stepStory(by: -1 | 1): void;
  stopStory(): void;
}

export const INITIAL_STORY: StoryState = { story: EMPTY_STORY, storyStep: null, transitionVersion: 0 };

export const createStorySlice: Slice<StoryState & StoryActions> = (set, get) => {
  const current = (caption: string, quoteId?: string) => {
    const s = get();
    const selection = s.selection;
    return stepFromView(
      { ...s.view, positions: s.positions },
      selection,
      s.filters,
      s.pinned,
      caption,
      quoteId,
    );
  };
  const withSteps = (steps: StoryStep[]) => set({ story: { ...get().story, steps } });

  return {
    ...INITIAL_STORY,

    addStoryStep(caption, options = {}) {
      const s = get();
      if (s.story.steps.length >= MAX_STEPS)
        return s.notify('warning', `A story holds at most ${MAX_STEPS} steps.`);
      if (s.view.visible.size === 0)
        return s.notify('info', 'Nothing is drawn: add entities before saving a step.');
      const steps = [...s.story.steps];
      steps.splice(
        options.after === undefined ? steps.length : options.after + 1,
        0,
        current(caption, options.quoteId),
      );
      withSteps(steps);
    },

    updateStoryStep(index, patch) {
      const steps = [...get().story.steps];
      const step = steps[index];
      if (!step) return;
      const next: StoryStep = { ...step, ...patch };
      if (patch.quoteId === undefined && 'quoteId' in patch) delete next.quoteId;
      steps[index] = next;
      withSteps(steps);
    },

    retakeStoryStep(index) {
      const steps = [...get().story.steps];
      const step = steps[index];
      if (!step) return;
      steps[index] = current(step.caption, step.quoteId);
      withSteps(steps);
    },

    removeStoryStep(index) {
      const s = get();
      withSteps(s.story.steps.filter((_, i) => i !== index));
      if (s.storyStep !== null && s.storyStep >= s.story.steps.length - 1) set({ storyStep: null });
    },

    moveStoryStep(index, by) {
      const steps = [...get().story.steps];
      const to = index + by;
      if (!steps[index] || !steps[to]) return;
      [steps[index], steps[to]] = [steps[to]!, steps[index]!];
      withSteps(steps);
    },

    setStoryTitle(title) {
      set({ story: { ...get().story, title: title.slice(0, 200) } });
    },

    setStory(story) {
      set({ story, storyStep: null });
    },

    playStory(index = 0) {
      const s = get();
      const step = s.story.steps[index];
      if (!s.model || !step) return;
      const r = resolveStep(s.model, step, s.filters);
      if (r.visible.size === 0) {
        s.notify('warning', `Step ${index + 1} cannot be shown: ${r.problems.join('; ')}.`);
        return set({ storyStep: index });
      }
      s.restoreView(
        { visible: r.visible, addedBy: new Map(), positions: r.positions },
        r.selection,
        r.filters,
        {
          pinned: r.pinned,
        },
      );
      set({ storyStep: index, transitionVersion: s.transitionVersion + 1 });
      if (r.problems.length > 0)
        s.notify('warning', `Part of step ${index + 1} is missing: ${r.problems.join('; ')}.`);
    },

    stepStory(by) {
      const s = get();
      if (s.storyStep === null) return;
      const to = s.storyStep + by;
      if (to >= 0 && to < s.story.steps.length) s.playStory(to);
    },

    stopStory() {
      set({ storyStep: null });
    },
  };
};
