/** The search box's second group: passages of the sources, quotes, notes and descriptions that hold the words typed. */
import { Fragment } from 'react';
import { relationSentence } from '../../model/core/queries';
import type { PassageKind } from '../../model/search/passage-index';
import type { PassageHit } from '../../model/search/passage-search';
import { useThreadline } from '../../store/context';
import { optionId } from './EntityOptions';

const KIND_LABEL: Record<PassageKind, string> = {
  quote: 'Quote',
  paragraph: 'Source text',
  note: 'Note on a relation',
  description: 'Description',
};

interface Props {
  id: string;
  hits: PassageHit[];
  /** Index of the active option among all the combobox's options, and where these start. */
  active: number;
  offset: number;
  onHover(index: number): void;
  onPick(hit: PassageHit): void;
  /** Why the group has no hits: a server that cannot be reached or refused; shown in place of them. */
  error?: string | null;
}

function Snippet({ hit }: { hit: PassageHit }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const m of hit.marks) {
    if (m.start < at) continue;
    parts.push(
      hit.snippet.slice(at, m.start),
      <mark key={m.start}>{hit.snippet.slice(m.start, m.end)}</mark>,
    );
    at = m.end;
  }
  parts.push(hit.snippet.slice(at));
  return (
    <span className="passage-snippet">
      {parts.map((p, i) => (
        <Fragment key={i}>{p}</Fragment>
      ))}
    </span>
  );
}

export function PassageOptions({ id, hits, active, offset, onHover, onPick, error }: Props) {
  const model = useThreadline((s) => s.model);
  if (hits.length === 0 && !error) return null;
  const context = (hit: PassageHit): string => {
    if (!model) return '';
    if (hit.kind === 'description') return model.entities.get(hit.id)?.name ?? '';
    const first = hit.relations[0] && model.relations.get(hit.relations[0]);
    // A server's hit words its relations itself: the partial model may not hold them yet.
    const said = first ? relationSentence(model, first) : hit.relationSentences?.[0];
    if (said !== undefined) {
      const more = hit.relations.length > 1 ? ` (and ${hit.relations.length - 1} more)` : '';
      return said + more;
    }
    return (hit.sourceId && model.sources.get(hit.sourceId)?.title) || '';
  };
  return (
    <ul id={id} role="listbox" className="search-results passage-results" aria-label="Said in the sources">
      <li role="presentation" className="search-group">
        Said in the sources
      </li>
      {error && (
        <li role="presentation" className="search-empty">
          {error}
        </li>
      )}
      {hits.map((hit, i) => {
        const index = offset + i;
        return (
          <li
            key={`${hit.kind}:${hit.id}:${hit.start ?? ''}`}
            id={optionId(id, index)}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'is-active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => onHover(index)}
            onClick={() => onPick(hit)}
          >
            <span className="passage-kind">{KIND_LABEL[hit.kind]}</span>
            <Snippet hit={hit} />
            <span className="passage-context">{context(hit)}</span>
          </li>
        );
      })}
    </ul>
  );
}
