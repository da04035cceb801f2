/** One relation as a clickable row, read from one entity's side: "Donald Trump — praised → Xi Jinping". */
import { StatusBadge } from '../../components/StatusBadge';
import { dateLabel } from '../../components/date-label';
import type { Model } from '../../model/model';
import type { RelationRecord } from '../../model/schema';
import { useActions } from '../../store/context';

export function RelationRow({ model, relation }: { model: Model; relation: RelationRecord }) {
  const { selectRelation } = useActions();
  const type = model.relationTypes.get(relation.type);
  const name = (id: string) => model.entities.get(id)?.name ?? id;
  const arrow = type?.directed === false ? '—' : '→';
  // Several relations of one type between one pair read alike; the date tells them apart.
  const date = dateLabel(relation.date);
  return (
    <li>
      <button
        type="button"
        className="relation-row"
        data-relation-id={relation.id}
        onClick={() => selectRelation(relation.id)}
      >
        <span className="relation-text">
          {name(relation.source)} — {type?.label ?? relation.type} {arrow} {name(relation.target)}
          {date && <span className="muted relation-date"> · {date}</span>}
        </span>
        <StatusBadge status={relation.status} />
      </button>
    </li>
  );
}
