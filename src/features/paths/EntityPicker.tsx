/** A small entity combobox for the connection finder: type, pick from the matches, see the choice as a chip. */
import { useId, useState, type KeyboardEvent } from 'react';
import { EntityIcon } from '../../components/EntityIcon';
import { baseTypeOf } from '../../model/core/entity-types';
import { useActions, useThreadline } from '../../store/context';
import { useEntityHits } from '../search/use-entity-hits';
import { EntityOptions, optionId } from '../search/EntityOptions';

interface Props {
  label: string;
  value: string | null;
  onChange(id: string | null): void;
  autoFocus?: boolean;
}

export function EntityPicker({ label, value, onChange, autoFocus }: Props) {
  const model = useThreadline((s) => s.model);
  const { ensure } = useActions();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const { hits } = useEntityHits(query, 6);
  const chosen = value ? model?.entities.get(value) : undefined;

  const pick = (id: string) => {
    // A server dataset's entity is fetched into the model before it is shown as chosen.
    const fetched = ensure({ kind: 'entities', ids: [id] });
    if (fetched) void fetched.then((ok) => ok && onChange(id));
    else onChange(id);
    setQuery('');
    setActive(0);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && hits[active]) {
      e.preventDefault();
      pick(hits[active].id);
    } else if (e.key === 'Escape' && query) {
      // Clears the field; an empty field lets Escape close the panel.
      e.preventDefault();
      setQuery('');
    }
  };

  if (chosen)
    return (
      <div className="picker picker-chosen" data-entity-id={chosen.id}>
        <span className="picker-label muted">{label}</span>
        <span className="chip">
          <EntityIcon type={baseTypeOf(model!, chosen.type)} size={14} />
          {chosen.name}
          <button
            type="button"
            className="icon-button"
            aria-label={`Clear ${label}`}
            onClick={() => onChange(null)}
          >
            ×
          </button>
        </span>
      </div>
    );
  return (
    <div className="picker">
      <label className="picker-label muted" htmlFor={`${listId}-input`}>
        {label}
      </label>
      <input
        id={`${listId}-input`}
        type="search"
        role="combobox"
        aria-label={`${label}: search entities`}
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={hits[active] ? optionId(listId, active) : undefined}
        placeholder="Search an entity…"
        autoFocus={autoFocus}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {hits.length > 0 && (
        <EntityOptions
          id={listId}
          label={`${label} matches`}
          className="search-results picker-results"
          hits={hits}
          active={active}
          onHover={setActive}
          onPick={pick}
        />
      )}
    </div>
  );
}
