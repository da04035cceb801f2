/**
 * A story: views saved as steps, played in order. Plain data (ids, positions, filters as lists), so it
 * goes into local storage, share links and the single-file embed as it is.
 */
import type { EntityType, Status } from '../core/vocabulary';

export interface StoryPoint {
  x: number;
  y: number;
}

export interface StoryStep {
  caption: string;
  /** A quote to show with the caption, by id. */
  quoteId?: string;
  entities: string[];
  /** Parallel to `entities`. */
  positions: Array<StoryPoint | null>;
  selection: { kind: 'entity' | 'relation' | 'pair'; id: string } | null;
  hiddenEntityTypes: EntityType[];
  hiddenRelationTypes: string[];
  hiddenStatuses: Status[];
  timeRange: { from: string; to: string } | null;
  pinned: string[];
}

export interface Story {
  title: string;
  steps: StoryStep[];
}

export const EMPTY_STORY: Story = { title: '', steps: [] };

/** Captions are plain text; past this length they stop being captions. */
export const MAX_CAPTION = 600;
export const MAX_STEPS = 60;
