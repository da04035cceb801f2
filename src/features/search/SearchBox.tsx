/**
 * The search combobox: entities by name and alias first, then what the sources say (quotes, source text,
 * notes, descriptions). Enter or click on an entity adds, selects and centres it; on a passage, opens the
 * relation it supports or the passage in the reader.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import type { PassageHit } from '../../model/search/passage-search';
import { useActions, useThreadline } from '../../store/context';
import { EntityOptions, optionId } from './EntityOptions';
import { PassageOptions } from './PassageOptions';
import { useEntityHits } from './use-entity-hits';
import { usePassageHits } from './use-passage-hits';

const ENTITY_LIMIT = 8;
const PASSAGE_LIMIT = 6;

export function SearchBox() {
  const { addEntities, selectEntity, selectRelation, openReader, ensure } = useActions();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const passageListId = useId();
  const { hits, searching } = useEntityHits(query, ENTITY_LIMIT);
  // A server dataset's entity or relation, once chosen, is fetched before it is drawn.
  const adding = useThreadline((s) => s.fetching?.kind === 'entities' || s.fetching?.kind === 'relation');
  const {
    hits: passages,
    pending: passagesPending,
    error: passagesError,
  } = usePassageHits(query, PASSAGE_LIMIT);
  const total = hits.length + passages.length;

  const close = () => {
    setQuery('');
    setOpen(false);
  };
  const chooseEntity = (id: string) => {
    addEntities([id], { select: true });
    selectEntity(id);
    close();
  };
  const choosePassage = (hit: PassageHit) => {
    if (hit.kind === 'description') return chooseEntity(hit.id);
    const relation = hit.relations[0];
    const show = () => {
      if (relation) selectRelation(relation);
      if (hit.sourceId)
        openReader(
          hit.sourceId,
          hit.kind === 'quote' ? { quoteId: hit.id } : { range: { start: hit.start!, end: hit.end! } },
        );
    };
    close();
    // A server dataset fetches the relation, its evidence and its source first (a local one has them).
    const fetched = relation ? ensure({ kind: 'relation', id: relation }) : null;
    if (fetched) void fetched.then((ok) => ok && show());
    else show();
  };
  const choose = (index: number) => {
    if (index < hits.length) chooseEntity(hits[index]!.id);
    else if (passages[index - hits.length]) choosePassage(passages[index - hits.length]!);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, total - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      if (active < total) {
        e.preventDefault();
        choose(active);
      }
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  const expanded = open && query.trim() !== '';
  const activeId =
    !expanded || active >= total
      ? undefined
      : active < hits.length
        ? optionId(listId, active)
        : optionId(passageListId, active);
  return (
    <div className="search" aria-busy={searching || adding}>
      <input
        type="search"
        role="combobox"
        aria-label="Search entities and quotes"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${listId} ${passageListId}`}
        aria-activedescendant={activeId}
        placeholder="Search people, places, or what was said…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {expanded && (
        <div className="search-popup">
          <EntityOptions
            id={listId}
            label="Matching entities"
            hits={hits}
            active={active}
            onHover={setActive}
            onPick={chooseEntity}
            empty={
              searching
                ? 'Searching the server…'
                : passagesPending
                  ? 'Searching what the sources say…'
                  : passages.length === 0 && !passagesError
                    ? `Nothing matches “${query}”`
                    : undefined
            }
          />
          <PassageOptions
            id={passageListId}
            hits={passages}
            active={active}
            offset={hits.length}
            onHover={setActive}
            onPick={choosePassage}
            error={passagesError}
          />
        </div>
      )}
    </div>
  );
}
