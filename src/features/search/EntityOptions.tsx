/** The listbox of entity matches shared by the search box and the connection finder's pickers. */
import { EntityIcon } from '../../components/EntityIcon';
import { baseTypeOf, entityTypeLabel } from '../../model/core/entity-types';
import type { SearchHit } from '../../model/search/search';
import { entityVisibleUnder } from '../../model/core/subgraph';
import { useThreadline } from '../../store/context';

interface Props {
  /** The listbox id; option ids are `${id}-${index}` for aria-activedescendant. */
  id: string;
  label: string;
  className?: string;
  hits: SearchHit[];
  active: number;
  onHover(index: number): void;
  onPick(id: string): void;
  /** Shown as the only row when nothing matches; omit to show nothing. */
  empty?: string;
}

export const optionId = (listId: string, index: number): string => `${listId}-${index}`;

export function EntityOptions({
  id,
  label,
  className = 'search-results',
  hits,
  active,
  onHover,
  onPick,
  empty,
}: Props) {
  const model = useThreadline((s) => s.model);
  const filters = useThreadline((s) => s.filters);
  return (
    <ul id={id} role="listbox" className={className} aria-label={label}>
      {hits.length === 0 && empty && <li className="search-empty">{empty}</li>}
      {hits.map((hit, i) => (
        <li
          key={hit.id}
          id={optionId(id, i)}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'is-active' : undefined}
          // Keep focus in the input so the combobox stays open while clicking.
          onMouseDown={(e) => e.preventDefault()}
          onMouseEnter={() => onHover(i)}
          onClick={() => onPick(hit.id)}
        >
          <EntityIcon type={model ? baseTypeOf(model, hit.type) : 'document'} />
          <span className="search-name">{hit.name}</span>
          <span className="search-type">
            {/* A server dataset's hit may not be loaded yet: no filter has hidden it. */}
            {model && model.entities.has(hit.id) && !entityVisibleUnder(model, filters, hit.id)
              ? 'hidden by a filter'
              : model
                ? entityTypeLabel(model, hit.type)
                : hit.type}
          </span>
        </li>
      ))}
    </ul>
  );
}
