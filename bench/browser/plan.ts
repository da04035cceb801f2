/** What the Browser section measures and how often, for a full run and for --quick. */
import type { BenchOptions, Size } from '../args';

export interface BrowserPlan {
  articleSamples: number;
  /** Navigations per generated size (large sizes take minutes each, so they get one). */
  loadSamples(size: Size): number;
  loadTimeoutMs: number;
  /** The generated size the interactions run on (they need well over 3,000 drawable elements). */
  interactionSize: Size | undefined;
  /** Element levels (nodes + edges drawn) of each interaction, and samples per level. */
  expand: { levels: number[]; samples: number; hubSamples: number };
  edgeClick: { levels: number[]; samples: number };
  pan: { levels: number[]; ms: number };
  exportPng: { levels: number[]; samples: number };
}

/** Sizes above this many entities get a single navigation. */
const LARGE = 20_000;

export function browserPlan(options: Pick<BenchOptions, 'quick' | 'sizes'>): BrowserPlan {
  const { quick, sizes } = options;
  const interactionSize =
    sizes.find((s) => s.entities === 10_000 && s.relations === 50_000) ??
    [...sizes].sort((a, b) => a.entities - b.entities)[0];
  return {
    articleSamples: quick ? 5 : 10,
    loadSamples: (size) => (size.entities > LARGE ? 1 : quick ? 2 : 5),
    loadTimeoutMs: 180_000,
    interactionSize,
    expand: { levels: quick ? [300] : [50, 300, 1000], samples: quick ? 8 : 20, hubSamples: quick ? 3 : 5 },
    edgeClick: { levels: quick ? [300] : [50, 300, 1000], samples: quick ? 8 : 20 },
    pan: { levels: quick ? [1000] : [300, 1000, 3000], ms: 2000 },
    exportPng: { levels: quick ? [300] : [300, 1000], samples: quick ? 2 : 5 },
  };
}

/** Every level any interaction needs, smallest first (each is laid out once and reused). */
export const allLevels = (plan: BrowserPlan): number[] =>
  [
    ...new Set([
      ...plan.expand.levels,
      ...plan.edgeClick.levels,
      ...plan.pan.levels,
      ...plan.exportPng.levels,
    ]),
  ].sort((a, b) => a - b);
