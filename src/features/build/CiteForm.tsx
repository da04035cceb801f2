/**
 * A selected passage cited as evidence: ends, relation type, status, speaker, occasion and date are
 * proposed from the passage and its sentence; the quote is saved as a TextQuoteSelector. When the same
 * relation exists, the passage becomes more evidence for it.
 */
import { useMemo, useState, type FormEvent } from 'react';
import type { Draft } from '../../model/authoring/draft';
import { addRelationType, cite, existingRelation, type RelationInput } from '../../model/authoring/draft-ops';
import { proposeFor, proposeRelationTypes } from '../../model/authoring/proposals';
import { selectorFor } from '../../model/authoring/selector';
import type { Span } from '../../model/authoring/sentences';
import { STATUSES, type Status } from '../../model/core/vocabulary';
import { STATUS_LOOKS } from '../../model/style/entity-style';
import { useActions } from '../../store/context';
import { precisionOf, speakerFor } from '../../model/authoring/draft-ops-speaker';

const NEW_TYPE = '__new__';
const SPEAKERS = new Set(['person', 'organization', 'country', 'media']);

export function CiteForm({
  draft,
  sourceId,
  span,
  onDone,
}: {
  draft: Draft;
  sourceId: string;
  span: Span;
  onDone: () => void;
}) {
  const { editDraft, notify } = useActions();
  const text = draft.texts[sourceId] ?? '';
  const sourceDate = draft.sources.find((s) => s.id === sourceId)?.date ?? null;
  const proposal = useMemo(
    () => proposeFor(text, span, draft.entities, sourceDate),
    // Proposed once for the passage; later edits of the draft do not overwrite what the author chose.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [text, span.start, span.end],
  );
  const byId = new Map(draft.entities.map((e) => [e.id, e]));
  const [source, setSource] = useState(proposal.entityIds[0] ?? '');
  const [target, setTarget] = useState(proposal.entityIds.find((id) => id !== proposal.entityIds[0]) ?? '');
  const [status, setStatus] = useState<Status>(proposal.status);
  const [speaker, setSpeaker] = useState(
    proposal.speakerId ?? speakerFor(proposal.speakerName, draft.entities) ?? '',
  );
  const [occasion, setOccasion] = useState('');
  const [date, setDate] = useState<string>(proposal.dates[0]?.date ?? '');
  const [typeChoice, setTypeChoice] = useState<string>('');
  const [newLabel, setNewLabel] = useState('');
  const [newInverse, setNewInverse] = useState('');
  const [error, setError] = useState<string | null>(null);

  const sourceType = byId.get(source)?.type;
  const targetType = byId.get(target)?.type;
  // Ranked by the passage's own words, so "hired" puts an employment type first.
  const passage = text.slice(span.start, span.end);
  const fitting = useMemo(
    () =>
      sourceType && targetType
        ? proposeRelationTypes(draft.relationTypes, sourceType, targetType, passage)
        : [],
    [draft.relationTypes, sourceType, targetType, passage],
  );
  const type =
    typeChoice && (typeChoice === NEW_TYPE || fitting.some((t) => t.id === typeChoice))
      ? typeChoice
      : (fitting[0]?.id ?? NEW_TYPE);
  const relation: RelationInput = { source, target, type, status, ...(date ? { date } : {}) };
  const existing = type !== NEW_TYPE ? existingRelation(draft, relation) : undefined;
  const selector = selectorFor(text, span);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!source || !target) return setError('choose the two entities the passage relates');
    const quote = {
      source: sourceId,
      ...selector,
      ...(speaker ? { speaker } : {}),
      ...(occasion ? { occasion } : {}),
    };
    const r = editDraft((d) => {
      if (type !== NEW_TYPE) return cite(d, relation, quote);
      const t = addRelationType(d, {
        label: newLabel,
        inverseLabel: newInverse || newLabel,
        directed: true,
        domain: [sourceType!],
        range: [targetType!],
      });
      return t.ok ? cite(t.draft, { ...relation, type: t.id }, quote) : t;
    });
    if (!r.ok) return setError(r.error);
    notify('info', existing ? 'Added the passage as evidence for the existing relation.' : 'Relation added.');
    onDone();
  };

  const entityOptions = draft.entities.map((e) => (
    <option key={e.id} value={e.id}>
      {e.name}
    </option>
  ));

  return (
    <form className="build-form cite-form" onSubmit={submit} aria-label="Cite as evidence">
      <blockquote className="cite-quote">{selector.exact}</blockquote>
      <div className="build-row">
        <label className="build-field grow">
          From
          <select value={source} onChange={(e) => setSource(e.target.value)} required>
            <option value="">Choose…</option>
            {entityOptions}
          </select>
        </label>
        <button
          type="button"
          className="icon-button"
          aria-label="Swap the two ends"
          title="Swap the two ends"
          onClick={() => {
            setSource(target);
            setTarget(source);
          }}
        >
          ⇄
        </button>
        <label className="build-field grow">
          To
          <select value={target} onChange={(e) => setTarget(e.target.value)} required>
            <option value="">Choose…</option>
            {entityOptions}
          </select>
        </label>
      </div>
      <label className="build-field">
        Relation type
        <select value={type} onChange={(e) => setTypeChoice(e.target.value)}>
          {fitting.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
          <option value={NEW_TYPE}>New type…</option>
        </select>
      </label>
      {type === NEW_TYPE && (
        <div className="build-row">
          <label className="build-field grow">
            Label (A … B)
            <input
              value={newLabel}
              onChange={(e) => setNewLabel(e.target.value)}
              placeholder="paid"
              required
            />
          </label>
          <label className="build-field grow">
            Inverse (B … A)
            <input
              value={newInverse}
              onChange={(e) => setNewInverse(e.target.value)}
              placeholder="was paid by"
            />
          </label>
        </div>
      )}
      <div className="build-row">
        <label className="build-field grow">
          Status
          <select value={status} onChange={(e) => setStatus(e.target.value as Status)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LOOKS[s].label}
              </option>
            ))}
          </select>
        </label>
        <label className="build-field grow">
          Date
          <input value={date} onChange={(e) => setDate(e.target.value)} placeholder="e.g. 2021-03-12" />
        </label>
      </div>
      <p className="muted build-hint">
        {proposal.cue ? (
          <>
            Status proposed from “<mark className="cue">{proposal.cue}</mark>”.
          </>
        ) : (
          'No cue word: proposed as a fact.'
        )}
        {date && ` Date precision: ${precisionOf(date)}.`}
      </p>
      <div className="build-row">
        <label className="build-field grow">
          Speaker
          <select value={speaker} onChange={(e) => setSpeaker(e.target.value)}>
            <option value="">—</option>
            {draft.entities
              .filter((e) => SPEAKERS.has(e.type))
              .map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
          </select>
        </label>
        <label className="build-field grow">
          Occasion
          <select value={occasion} onChange={(e) => setOccasion(e.target.value)}>
            <option value="">—</option>
            {draft.entities
              .filter((e) => e.type === 'event')
              .map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
          </select>
        </label>
      </div>
      {error && (
        <p className="build-error" role="alert">
          {error}
        </p>
      )}
      <div className="build-actions">
        <button type="submit" className="primary">
          {existing ? 'Add as evidence' : 'Add relation'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
