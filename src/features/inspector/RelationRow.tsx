/** One relation as a clickable row: "Donald Trump — praised → Xi Jinping", "Denied: Donald Trump — acted on behalf of → …". */
import { StatusBadge } from '../../components/StatusBadge';
import { dateLabel } from '../../components/date-label';
import type { Model } from '../../model/core/model';
import { relationRowText } from '../../model/core/relation-wording';
import type { RelationRecord } from '../../model/format/schema';
import { useActions } from '../../store/context';

export function RelationRow({ model, relation }: { model: Model; relation: RelationRecord }) {
  const { selectRelation } = useActions();
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
          {relationRowText(model, relation)}
          {date && <span className="muted relation-date"> · {date}</span>}
        </span>
        <StatusBadge status={relation.status} />
      </button>
    </li>
  );
}
