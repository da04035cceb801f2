/** The draft's problems, as `npm run validate` reports them; each selects the record it is about. */
import type { DraftProblem, RecordRef } from '../../model/authoring/draft-ops-compile';
import { useActions, useThreadline } from '../../store/context';

export function ProblemsPane({ problems, onShow }: { problems: DraftProblem[]; onShow: () => void }) {
  const model = useThreadline((s) => s.model);
  const draft = useThreadline((s) => s.draft);
  const { focusRecord, selectEntity, selectRelation } = useActions();

  const show = (record: RecordRef) => {
    focusRecord(record);
    if (record.kind === 'entity' && model?.entities.has(record.id)) selectEntity(record.id);
    if (record.kind === 'relation' && model?.relations.has(record.id)) selectRelation(record.id);
    if (record.kind === 'quote') {
      const citing = draft?.relations.find((r) => r.evidence.includes(record.id));
      if (citing && model?.relations.has(citing.id)) selectRelation(citing.id);
    }
    onShow();
  };

  if (problems.length === 0)
    return (
      <p className="build-pane build-ok">No problems: this draft passes every check of npm run validate.</p>
    );
  return (
    <div className="build-pane">
      <p className="muted">The same checks as npm run validate; export refuses a draft with errors.</p>
      <ul className="build-list build-problems">
        {problems.map((p, i) => (
          <li key={i} className={`problem-${p.severity}`}>
            <span className="problem-severity">{p.severity === 'error' ? 'Error' : 'Warning'}</span>{' '}
            {p.record && p.record.kind !== 'dataset' ? (
              <button type="button" className="link" onClick={() => show(p.record!)}>
                {p.record.kind} {p.record.id}
              </button>
            ) : (
              <span>{p.file.replace(/^.*\//, '')}</span>
            )}
            : {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
