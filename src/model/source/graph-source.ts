/**
 * The graph source: where the explorer gets what it draws. Two implementations behind one face — the
 * in-memory model, which already holds everything (memory-source.ts), and a Threadline server, which holds
 * what was fetched so far as a partial model of the same shape (src/data/graph-source/). The store asks the
 * source for what a step needs before it takes the step; the steps themselves stay synchronous over the
 * model, so the view code does not know which source it draws from.
 */
import type { Model } from '../core/model';
import type { Status } from '../core/vocabulary';
import type { PassageHit } from '../search/passage-search';
import type { EntitySearch, SearchHit } from '../search/search';

/** What a step needs the model to hold before it runs. */
export type SourceNeed =
  /** Entities (with the relations joining them to what is loaded): search results, links, path ends. */
  | { kind: 'entities'; ids: readonly string[] }
  /** A relation with its evidence and the sources it quotes (its two entities, so what joins them too). */
  | { kind: 'relation'; id: string }
  /** An entity's neighbours, for an expansion: all, one relation type, or the first pages. */
  | { kind: 'expand'; id: string; relationType?: string; force?: boolean; limit?: number }
  /** The shortest chains between two entities, as the connection finder asks for them. */
  | {
      kind: 'paths';
      from: string;
      to: string;
      maxLength: number;
      maxPaths: number;
      weakestStatus: Status | null;
      maxHubDegree: number | null;
    };

/** The model after a fetch, with its entity search; `note` says what was left out (a cap reached). */
export interface Grown {
  model: Model;
  search: EntitySearch;
  note?: string;
}

/** A dataset a source can open (the server's list, for the picker). */
export interface SourceDataset {
  id: string;
  title: string;
  entities: number;
  relations: number;
}

export interface GraphSource {
  readonly kind: 'memory' | 'server';
  /** What the UI says about the scope of whole-dataset views (filters' counts, timeline); null in memory. */
  readonly scopeNote: string | null;
  /**
   * Null when the model already holds what `need` asks for — always, in memory, so the local path stays
   * synchronous. Otherwise the fetch: it resolves with the grown model, or with null when a newer request of
   * the same kind superseded it; it rejects with a SourceUnavailable when the server cannot be reached.
   */
  ensure(need: SourceNeed): Promise<Grown | null> | null;
  /** Null in memory (the caller searches the model it has); otherwise the server's typeahead. */
  searchEntities(query: string, limit: number): Promise<SearchHit[] | null> | null;
  /**
   * Null in memory (the caller searches the model's own passage index); otherwise the server's full-text
   * search over quotes, each hit wording the relations it backs, since the model may not hold them yet.
   */
  searchPassages(query: string, limit: number): Promise<PassageHit[] | null> | null;
  /** The hub guard's counts per relation type, when the source knows more than the model holds. */
  relationCounts(entityId: string): ReadonlyArray<{ type: string; count: number }> | null;
  /**
   * Null when the model holds the texts of `sourceIds` whole (always, in memory). Otherwise the fetch of
   * those held only in part (a server dataset's long sources arrive as the windows their quotes need):
   * it resolves with the model holding them whole, or null when cancelled; `progress` hears the characters
   * read of those asked for. Rejects as ensure does.
   */
  wholeTexts(
    sourceIds: readonly string[],
    options?: { signal?: AbortSignal; progress?: (read: number, total: number) => void },
  ): Promise<Grown | null> | null;
  /**
   * Null when the model holds the text around each of `quoteIds` (always, in memory; see contextHeld).
   * Otherwise the fetch of the windows of those it lacks (a server's answer past its budget of text carries
   * a quote alone): it resolves with the model holding them, or null when cancelled. Asks made in the same
   * turn of the event loop go as one request. Rejects as ensure does.
   */
  quoteContexts(quoteIds: readonly string[]): Promise<Grown | null> | null;
  /** The datasets the picker lists (the server's); empty in memory, where the build's list is used. */
  readonly datasets: readonly SourceDataset[];
}

/** The server could not be reached or answered 5xx: what the user is told, in one line. */
export class SourceUnavailable extends Error {
  constructor(detail: string, cause?: unknown) {
    super(`The server is unavailable (${detail}); what is drawn stays, and acting again retries.`, { cause });
    this.name = 'SourceUnavailable';
  }
}
