/** Every record of the draft, to edit or delete: entities, relations, quotes and relation types. */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Draft } from '../../model/authoring/draft';
import { addEntity, type OpResult } from '../../model/authoring/draft-ops';
import type { RecordKind } from '../../model/authoring/draft-ops-compile';
import { ENTITY_TYPES, type EntityType } from '../../model/core/vocabulary';
import { useActions, useThreadline } from '../../store/context';
import { DeleteButton, type Deletable } from './DeleteButton';
import { EntityEditor, QuoteEditor, RelationEditor, TypeEditor } from './record-editors';

export function RecordsPane({ draft }: { draft: Draft }) {
  const focus = useThreadline((s) => s.buildFocus);
  const names = new Map(draft.entities.map((e) => [e.id, e.name]));
  const typeLabel = new Map(draft.relationTypes.map((t) => [t.id, t.label]));
  return (
    <div className="build-pane build-records">
      <AddEntity />
      <Section title="Entities" count={draft.entities.length}>
        {draft.entities.map((e) => (
          <Row key={e.id} draft={draft} kind="entity" id={e.id} focused={focus} name={e.name} info={e.type}>
            {(close) => <EntityEditor entity={e} onDone={close} />}
          </Row>
        ))}
      </Section>
      <Section title="Relations" count={draft.relations.length}>
        {draft.relations.map((r) => {
          const name = `${names.get(r.source) ?? r.source} ${typeLabel.get(r.type) ?? r.type} ${names.get(r.target) ?? r.target}`;
          return (
            <Row
              key={r.id}
              draft={draft}
              kind="relation"
              id={r.id}
              focused={focus}
              name={name}
              info={`${r.status} · ${r.evidence.length} quote${r.evidence.length === 1 ? '' : 's'}`}
            >
              {(close) => <RelationEditor draft={draft} relation={r} onDone={close} />}
            </Row>
          );
        })}
      </Section>
      <Section title="Quotes" count={draft.quotes.length}>
        {draft.quotes.map((q) => (
          <Row
            key={q.id}
            draft={draft}
            kind="quote"
            id={q.id}
            focused={focus}
            name={`“${q.exact.length > 70 ? `${q.exact.slice(0, 69)}…` : q.exact}”`}
            info={q.speaker ? `said by ${names.get(q.speaker) ?? q.speaker}` : ''}
          >
            {(close) => <QuoteEditor draft={draft} quote={q} onDone={close} />}
          </Row>
        ))}
      </Section>
      <Section title="Relation types" count={draft.relationTypes.length}>
        {draft.relationTypes.map((t) => (
          <Row
            key={t.id}
            draft={draft}
            kind="relationType"
            id={t.id}
            focused={focus}
            name={t.label}
            info={`${t.domain.join('/')} → ${t.range.join('/')}`}
          >
            {(close) => <TypeEditor type={t} onDone={close} />}
          </Row>
        ))}
      </Section>
    </div>
  );
}

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <section className="build-section">
      <h3>
        {title} <span className="count">{count}</span>
      </h3>
      {count === 0 ? <p className="muted">None yet.</p> : <ul className="build-list">{children}</ul>}
    </section>
  );
}

function Row({
  draft,
  kind,
  id,
  name,
  info,
  focused,
  children,
}: {
  draft: Draft;
  kind: Deletable;
  id: string;
  name: string;
  info: string;
  focused: { kind: RecordKind; id: string } | null;
  children: (close: () => void) => ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  const item = useRef<HTMLLIElement>(null);
  const isFocused = focused?.kind === kind && focused.id === id;
  useEffect(() => {
    if (isFocused) item.current?.scrollIntoView({ block: 'nearest' });
  }, [isFocused]);
  return (
    <li ref={item} className={`build-item${isFocused ? ' is-focused' : ''}`} data-record={`${kind}:${id}`}>
      <span className="build-name">{name}</span> {info && <span className="muted">{info}</span>}
      <span className="build-item-actions">
        <button
          type="button"
          className="link"
          onClick={() => setEditing(!editing)}
          aria-expanded={editing}
          aria-label={`Edit ${name}`}
        >
          Edit
        </button>
        <DeleteButton draft={draft} kind={kind} id={id} name={name} />
      </span>
      {editing && children(() => setEditing(false))}
    </li>
  );
}

function AddEntity() {
  const { editDraft } = useActions();
  const [name, setName] = useState('');
  const [type, setType] = useState<EntityType>('person');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r: OpResult = editDraft((d) => addEntity(d, { name, type }));
    if (!r.ok) return setError(r.error);
    setError(null);
    setName('');
  };
  return (
    <form className="build-row" onSubmit={submit} aria-label="Add an entity">
      <label className="build-field grow">
        New entity
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Name" />
      </label>
      <label className="build-field">
        Type
        <select value={type} onChange={(e) => setType(e.target.value as EntityType)}>
          {ENTITY_TYPES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={!name.trim()}>
        Add
      </button>
      {error && (
        <p className="build-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
