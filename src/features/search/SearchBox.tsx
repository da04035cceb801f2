/** The "Search entities" combobox: typeahead over names and aliases; Enter or click adds, selects and centres. */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useActions, useThreadline } from '../../store/context';
import { EntityOptions, optionId } from './EntityOptions';

export function SearchBox() {
  const search = useThreadline((s) => s.search);
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
        aria-activedescendant={expanded && hits[active] ? optionId(listId, active) : undefined}
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
        <EntityOptions
          id={listId}
          label="Matching entities"
          hits={hits}
          active={active}
          onHover={setActive}
          onPick={choose}
          empty={`No entity matches “${query}”`}
        />
      )}
    </div>
  );
}
