/**
 * The dataset being authored: the draft is store data, every edit is a step on the same undo history as
 * exploring (the snapshot carries the draft with the model compiled from it, so undo puts both back at once), and the explored model is compiled from it after each edit,
 * so the graph follows the author live.
 */
import type { Draft } from '../../model/authoring/draft';
import { emptyDraft } from '../../model/authoring/draft';
import type { OpResult } from '../../model/authoring/draft-ops';
import { compileDraft, type RecordRef } from '../../model/authoring/draft-ops-compile';
import { draftFromModel } from '../../model/authoring/draft-ops-from-model';
import type { Model } from '../../model/core/model';
import * as ops from '../explore-ops';
import type { Selection, Visibility } from '../view-state';
import { commitStep, type StepChange } from './history';
import type { Full, Slice } from './types';

export interface DraftState {
  draft: Draft | null;
  /** The record the workspace shows (a problem's record, a row chosen in a list). */
  buildFocus: RecordRef | null;
}

export interface DraftActions {
  /** Starts authoring: an empty dataset, or a draft brought back (a saved one, an imported zip). Undoable. */
  startDraft(draft?: Draft): void;
  /** Turns the open dataset into a draft to edit. Undoable; refused, with the reason, when it cannot be yet. */
  editOpenDataset(): { ok: true } | { ok: false; reason: string };
  /** Applies an edit; on success one undoable step, on refusal nothing changes and the reason is returned. */
  editDraft(edit: (draft: Draft) => OpResult): OpResult;
  focusRecord(ref: RecordRef | null): void;
}

export const INITIAL_DRAFT: DraftState = { draft: null, buildFocus: null };

/** Up to this many entities on the canvas, each addition lays the whole graph out again and frames it. */
const TINY_GRAPH = 12;
/** Up to this many, new entities are laid out among the others and the camera frames them all. */
const SMALL_GRAPH = 40;

let keys = 0;
const newKey = () => `draft-${Date.now().toString(36)}-${(keys++).toString(36)}`;

/** What the explorer shows once the model is the draft's: what was there and still exists, and what is new. */
function viewFor(s: Full, before: Model | null, model: Model, also: readonly string[]): StepChange {
  const kept = [...s.view.visible].filter((id) => model.entities.has(id));
  const fresh = [...model.entities.keys()].filter((id) => !before?.entities.has(id));
  const visible: Visibility['visible'] = new Set(kept);
  const positions = new Map([...s.positions].filter(([id]) => visible.has(id)));
  const addedBy = new Map([...s.view.addedBy].filter(([id]) => visible.has(id)));
  const added = [...new Set([...fresh, ...also])].filter((id) => !visible.has(id) && model.entities.has(id));
  const next = ops.addEntities({ visible, addedBy, positions }, model, s.filters, added);
  // A graph being built from nothing is small: each new entity or relation lays it out afresh and frames
  // it, since positions chosen before the relations existed leave edges drawn over one another.
  const grew = added.length > 0 || [...model.relations.keys()].some((id) => !before?.relations.has(id));
  // Larger, only the new entities are laid out among the others (still framed); a large view is left as
  // the explorer left it, the new ones put beside their neighbours.
  const full = grew && next.visible.size <= TINY_GRAPH;
  const relayout = full || (added.length > 0 && next.visible.size <= SMALL_GRAPH);
  const placed = full
    ? new Map()
    : relayout
      ? new Map([...next.positions].filter(([id]) => !added.includes(id)))
      : next.positions;
  const stillThere = (sel: Selection): boolean => {
    if (!sel) return true;
    if (sel.kind === 'entity') return next.visible.has(sel.id);
    if (sel.kind === 'relation') return model.relations.has(sel.id);
    return sel.id.split('~').every((id) => next.visible.has(id));
  };
  return {
    view: { visible: next.visible, addedBy: next.addedBy },
    positions: placed,
    selection: stillThere(s.selection) ? s.selection : null,
    ...(relayout ? { layoutVersion: s.layoutVersion + 1 } : {}),
  };
}

/** Compiles a draft into the explored model, with the view carried over. */
function compiled(s: Full, draft: Draft, also: readonly string[] = []) {
  const { model, search } = compileDraft(draft);
  return { model, search, ...viewFor(s, s.model, model, also) };
}

export const createDraftSlice: Slice<DraftState & DraftActions> = (set, get) => ({
  ...INITIAL_DRAFT,

  startDraft(draft) {
    const s = get();
    const next = draft ?? emptyDraft(newKey());
    commitStep(set, get, { ...compiled(s, next), draft: next, sidePanel: 'build', buildFocus: null });
  },

  editOpenDataset() {
    const s = get();
    if (!s.model) return { ok: false, reason: 'No dataset is open.' };
    // A server dataset's long sources are held as the windows around their quotes: a draft needs whole texts.
    if ((s.model.data.evidence?.partial?.size ?? 0) > 0)
      return {
        ok: false,
        reason:
          'This dataset is on the server and the explorer holds only parts of its source texts: export the view as a bundle (Export → Bundle fetches the whole texts), then open that file to edit it.',
      };
    const draft = draftFromModel(s.model, newKey());
    if (!draft)
      return { ok: false, reason: 'The quotes of this dataset are still loading; try again in a moment.' };
    commitStep(set, get, { draft, sidePanel: 'build', buildFocus: null });
    return { ok: true };
  },

  editDraft(edit) {
    const s = get();
    if (!s.draft) return { ok: false, error: 'nothing is being authored; start a dataset first' };
    const result = edit(s.draft);
    if (!result.ok || result.draft === s.draft) return result;
    const relation = result.draft.relations.find((r) => r.id === result.id);
    commitStep(set, get, {
      ...compiled(s, result.draft, relation ? [relation.source, relation.target] : []),
      draft: result.draft,
    });
    return result;
  },

  focusRecord(buildFocus) {
    set({ buildFocus });
  },
});
