/** The "Search entities" combobox: typeahead over names and aliases; Enter or click adds, selects and centres. */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { EntityIcon } from '../../components/EntityIcon';
import { ENTITY_LOOKS } from '../../components/entity-style';
import { entityVisibleUnder } from '../../model/subgraph';
import { useActions, useThreadline } from '../../store/context';

export function SearchBox() {
  const search = useThreadline((s) => s.search);
  const model = useThreadline((s) => s.model);
  const filters = useThreadline((s) => s.filters);
  const { addEntities, selectEntity } = useActions();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const hits = useMemo(() => (search ? search.search(query, 8) : []), [search, query]);

  const choose = (id: string) => {
    addEntities([id], { select: true });
    selectEntity(id);
    setQuery('');
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      const hit = hits[active];
      if (hit) {
        e.preventDefault();
        choose(hit.id);
      }
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  const expanded = open && query.trim() !== '';
  return (
    <div className="search">
      <input
        type="search"
        role="combobox"
        aria-label="Search entities"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && hits[active] ? `${listId}-${active}` : undefined}
        placeholder="Search people, countries, events…"
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
        <ul id={listId} role="listbox" className="search-results" aria-label="Matching entities">
          {hits.length === 0 && <li className="search-empty">No entity matches “{query}”</li>}
          {hits.map((hit, i) => {
            const hidden = model !== null && !entityVisibleUnder(model, filters, hit.id);
            return (
              <li
                key={hit.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'is-active' : undefined}
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => choose(hit.id)}
              >
                <EntityIcon type={hit.type} />
                <span className="search-name">{hit.name}</span>
                <span className="search-type">
                  {hidden ? 'hidden by a filter' : ENTITY_LOOKS[hit.type].label}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
