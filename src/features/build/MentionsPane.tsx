/**
 * Names found in the sources (named-entity recognition in a worker), grouped by a normalised key: accept
 * one as a new entity, add it as an alias of an existing one, or ignore it. Merges between entities whose
 * names match are suggested below.
 */
import { useEffect, useMemo, useState } from 'react';
import { suggestMentions } from '../../data/authoring-client';
import type { Draft } from '../../model/authoring/draft';
import { addAlias, addEntity, ignoreMention, mergeEntities } from '../../model/authoring/draft-ops';
import { suggestMerges } from '../../model/authoring/merges';
import { entityTypeForTag, mentionKey, type Mention } from '../../model/authoring/mentions';
import { ENTITY_TYPES, type EntityType } from '../../model/core/vocabulary';
import { useActions } from '../../store/context';

/**
 * Mentions drawn at once, most frequent first: two long sources name hundreds, and drawing every row with
 * its controls was one task of about 280 ms on the article and the report.
 */
const MENTIONS_PAGE = 40;

/** Mentions of every source, by key; found once per text (a worker round trip each). */
function useMentions(draft: Draft): Mention[] | null {
  const [found, setFound] = useState<Map<string, Mention[]>>(new Map());
  const texts = draft.texts;
  useEffect(() => {
    let live = true;
    const missing = Object.entries(texts).filter(([id]) => !found.has(id));
    for (const [id, text] of missing)
      suggestMentions(text).then(
        (mentions) => live && setFound((f) => new Map(f).set(id, mentions)),
        () => live && setFound((f) => new Map(f).set(id, [])),
      );
    return () => {
      live = false;
    };
  }, [texts, found]);
  return useMemo(() => {
    const ids = Object.keys(texts);
    if (ids.some((id) => !found.has(id))) return null;
    const byKey = new Map<string, Mention>();
    for (const id of ids)
      for (const m of found.get(id)!) {
        const had = byKey.get(m.key);
        byKey.set(
          m.key,
          had ? { ...had, count: had.count + m.count, forms: [...new Set([...had.forms, ...m.forms])] } : m,
        );
      }
    return [...byKey.values()].sort((a, b) => b.count - a.count);
  }, [texts, found]);
}

export function MentionsPane({ draft }: { draft: Draft }) {
  const { editDraft, notify } = useActions();
  const mentions = useMentions(draft);
  const known = useMemo(
    () => new Set(draft.entities.flatMap((e) => [e.name, ...(e.aliases ?? [])].map(mentionKey))),
    [draft.entities],
  );
  const open = (mentions ?? []).filter((m) => !known.has(m.key) && !draft.ignoredMentions.includes(m.key));
  const merges = useMemo(() => suggestMerges(draft.entities), [draft.entities]);
  const [shown, setShown] = useState(MENTIONS_PAGE);
  const names = new Map(draft.entities.map((e) => [e.id, e.name]));

  const report = (r: { ok: boolean; error?: string }) => {
    if (!r.ok && r.error) notify('error', r.error);
  };

  return (
    <div className="build-pane">
      {merges.length > 0 && (
        <section aria-labelledby="build-merges">
          <h3 id="build-merges">Possible duplicates</h3>
          <ul className="build-list">
            {merges.map((m) => (
              <li key={`${m.keep}~${m.merge}`} className="build-item">
                <span className="build-name">
                  {names.get(m.merge)} → {names.get(m.keep)}
                </span>{' '}
                <span className="muted">{m.reason}</span>
                <span className="build-item-actions">
                  <button
                    type="button"
                    className="link"
                    onClick={() => report(editDraft((d) => mergeEntities(d, m.keep, m.merge)))}
                  >
                    Merge
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <h3>Mentions</h3>
      {mentions === null ? (
        <p className="muted" aria-busy="true">
          Finding names in the sources…
        </p>
      ) : open.length === 0 ? (
        <p className="muted">
          {draft.sources.length ? 'Every name found is an entity or ignored.' : 'Add a source first.'}
        </p>
      ) : (
        <>
          <ul className="build-list build-mentions" aria-label="Mentions">
            {open.slice(0, shown).map((m) => (
              <MentionRow key={m.key} mention={m} draft={draft} onResult={report} />
            ))}
          </ul>
          {open.length > shown && (
            <button type="button" className="link" onClick={() => setShown(shown + MENTIONS_PAGE)}>
              Show {Math.min(MENTIONS_PAGE, open.length - shown)} more of {open.length - shown}
            </button>
          )}
        </>
      )}
      {draft.ignoredMentions.length > 0 && (
        <p className="muted">{draft.ignoredMentions.length} ignored (undo brings one back).</p>
      )}
    </div>
  );
}

function MentionRow({
  mention,
  draft,
  onResult,
}: {
  mention: Mention;
  draft: Draft;
  onResult: (r: { ok: boolean; error?: string }) => void;
}) {
  const { editDraft } = useActions();
  const [type, setType] = useState<EntityType>(entityTypeForTag(mention.tag));
  const [aliasOf, setAliasOf] = useState('');
  const others = mention.forms.filter((f) => f !== mention.label);
  return (
    <li className="build-item mention" data-mention={mention.key}>
      <span className="build-name">{mention.label}</span>{' '}
      <span className="muted">
        {mention.tag} · {mention.count}×{others.length ? ` · also “${others.slice(0, 3).join('”, “')}”` : ''}
      </span>
      <span className="build-item-actions">
        <select
          aria-label={`Type of ${mention.label}`}
          value={type}
          onChange={(e) => setType(e.target.value as EntityType)}
        >
          {ENTITY_TYPES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
        <button
          type="button"
          onClick={() =>
            onResult(editDraft((d) => addEntity(d, { name: mention.label, type, aliases: others })))
          }
        >
          Accept
        </button>
        {draft.entities.length > 0 && (
          <>
            <select
              aria-label={`Add ${mention.label} as an alias of`}
              value={aliasOf}
              onChange={(e) => setAliasOf(e.target.value)}
            >
              <option value="">Alias of…</option>
              {draft.entities.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              disabled={!aliasOf}
              onClick={() => onResult(editDraft((d) => addAlias(d, aliasOf, mention.label)))}
            >
              Add alias
            </button>
          </>
        )}
        <button
          type="button"
          className="link"
          onClick={() => onResult(editDraft((d) => ignoreMention(d, mention.key)))}
        >
          Ignore
        </button>
      </span>
    </li>
  );
}
