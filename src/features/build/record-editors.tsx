/** The small edit forms of the Records tab; each saves as one undoable step or says why it cannot. */
import { useState, type FormEvent, type ReactNode } from 'react';
import type { Draft } from '../../model/authoring/draft';
import {
  editEntity,
  editQuote,
  editRelation,
  editRelationType,
  editSource,
  type OpResult,
} from '../../model/authoring/draft-ops';
import type {
  EntityRecord,
  QuoteRecord,
  RelationFileRecord,
  RelationType,
  SourceRecord,
} from '../../model/format/schema';
import { ENTITY_TYPES, STATUSES, type EntityType, type Status } from '../../model/core/vocabulary';
import { STATUS_LOOKS } from '../../model/style/entity-style';
import { useActions } from '../../store/context';

function EditForm({
  save,
  onDone,
  children,
}: {
  save: () => OpResult;
  onDone: () => void;
  children: ReactNode;
}) {
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = save();
    if (!r.ok) return setError(r.error);
    onDone();
  };
  return (
    <form className="build-form build-edit" onSubmit={submit}>
      {children}
      {error && (
        <p className="build-error" role="alert">
          {error}
        </p>
      )}
      <div className="build-actions">
        <button type="submit" className="primary">
          Save
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function EntityEditor({ entity, onDone }: { entity: EntityRecord; onDone: () => void }) {
  const { editDraft } = useActions();
  const [name, setName] = useState(entity.name);
  const [type, setType] = useState<string>(entity.type);
  const [aliases, setAliases] = useState((entity.aliases ?? []).join(', '));
  const [description, setDescription] = useState(entity.description);
  return (
    <EditForm
      onDone={onDone}
      save={() =>
        editDraft((d) =>
          editEntity(d, entity.id, {
            name: name.trim(),
            type,
            aliases: aliases
              .split(',')
              .map((a) => a.trim())
              .filter(Boolean),
            description: description.trim() || name.trim(),
          }),
        )
      }
    >
      <label className="build-field">
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="build-field">
        Type
        <select value={type} onChange={(e) => setType(e.target.value as EntityType)}>
          {ENTITY_TYPES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      <label className="build-field">
        Aliases (comma-separated)
        <input value={aliases} onChange={(e) => setAliases(e.target.value)} />
      </label>
      <label className="build-field">
        Description
        <textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
    </EditForm>
  );
}

export function RelationEditor({
  draft,
  relation,
  onDone,
}: {
  draft: Draft;
  relation: RelationFileRecord;
  onDone: () => void;
}) {
  const { editDraft } = useActions();
  const [type, setType] = useState(relation.type);
  const [status, setStatus] = useState<Status>(relation.status);
  const [date, setDate] = useState(typeof relation.date === 'string' ? relation.date : '');
  return (
    <EditForm
      onDone={onDone}
      save={() =>
        editDraft((d) =>
          editRelation(d, relation.id, {
            type,
            status,
            ...(typeof relation.date === 'object' && !date ? {} : { date: date || undefined }),
          }),
        )
      }
    >
      <label className="build-field">
        Type
        <select value={type} onChange={(e) => setType(e.target.value)}>
          {draft.relationTypes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      <label className="build-field">
        Status
        <select value={status} onChange={(e) => setStatus(e.target.value as Status)}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LOOKS[s].label}
            </option>
          ))}
        </select>
      </label>
      <label className="build-field">
        Date
        <input value={date} onChange={(e) => setDate(e.target.value)} placeholder="e.g. 2021-03-12" />
      </label>
    </EditForm>
  );
}

export function QuoteEditor({
  draft,
  quote,
  onDone,
}: {
  draft: Draft;
  quote: QuoteRecord;
  onDone: () => void;
}) {
  const { editDraft } = useActions();
  const [exact, setExact] = useState(quote.exact);
  const [speaker, setSpeaker] = useState(quote.speaker ?? '');
  return (
    <EditForm
      onDone={onDone}
      save={() => editDraft((d) => editQuote(d, quote.id, { exact, speaker: speaker || undefined }))}
    >
      <label className="build-field">
        Exact text (verbatim from the source)
        <textarea rows={3} value={exact} onChange={(e) => setExact(e.target.value)} />
      </label>
      <label className="build-field">
        Speaker
        <select value={speaker} onChange={(e) => setSpeaker(e.target.value)}>
          <option value="">—</option>
          {draft.entities.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
      </label>
    </EditForm>
  );
}

export function TypeEditor({ type, onDone }: { type: RelationType; onDone: () => void }) {
  const { editDraft } = useActions();
  const [label, setLabel] = useState(type.label);
  const [inverse, setInverse] = useState(type.inverseLabel);
  const [domain, setDomain] = useState(type.domain.join(', '));
  const [range, setRange] = useState(type.range.join(', '));
  const types = (s: string) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter((x): x is EntityType => (ENTITY_TYPES as readonly string[]).includes(x));
  return (
    <EditForm
      onDone={onDone}
      save={() =>
        editDraft((d) =>
          editRelationType(d, type.id, {
            label: label.trim(),
            inverseLabel: inverse.trim(),
            domain: types(domain),
            range: types(range),
          }),
        )
      }
    >
      <label className="build-field">
        Label
        <input value={label} onChange={(e) => setLabel(e.target.value)} />
      </label>
      <label className="build-field">
        Inverse label
        <input value={inverse} onChange={(e) => setInverse(e.target.value)} />
      </label>
      <label className="build-field">
        From (entity types)
        <input value={domain} onChange={(e) => setDomain(e.target.value)} />
      </label>
      <label className="build-field">
        To (entity types)
        <input value={range} onChange={(e) => setRange(e.target.value)} />
      </label>
    </EditForm>
  );
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** A source's description; its text is not editable, since its quotes are anchored in it. */
export function SourceEditor({ source, onDone }: { source: SourceRecord; onDone: () => void }) {
  const { editDraft } = useActions();
  const [title, setTitle] = useState(source.title);
  const [publisher, setPublisher] = useState(source.publisher ?? '');
  const [author, setAuthor] = useState(source.author ?? '');
  const [date, setDate] = useState(source.date ?? '');
  const [url, setUrl] = useState(source.url ?? '');
  const [language, setLanguage] = useState(source.language);
  const fields: Array<[string, string, (v: string) => void]> = [
    ['Title', title, setTitle],
    ['Publisher', publisher, setPublisher],
    ['Author', author, setAuthor],
    ['Date', date, setDate],
    ['URL', url, setUrl],
    ['Language', language, setLanguage],
  ];
  return (
    <EditForm
      onDone={onDone}
      save={() =>
        editDraft((d) =>
          editSource(d, source.id, {
            title: title.trim(),
            publisher: orNull(publisher),
            author: orNull(author),
            date: orNull(date),
            url: orNull(url),
            language: language.trim(),
          }),
        )
      }
    >
      {fields.map(([label, value, set]) => (
        <label key={label} className="build-field">
          {label}
          <input value={value} onChange={(e) => set(e.target.value)} />
        </label>
      ))}
    </EditForm>
  );
}
