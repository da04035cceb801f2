/** One filter option: a checkbox (checked = shown), its look, and how many elements it holds under the other filters. */
import type { ReactNode } from 'react';

interface Props {
  label: string;
  shown: boolean;
  count: number;
  icon?: ReactNode;
  onToggle(): void;
}

export function FacetRow({ label, shown, count, icon, onToggle }: Props) {
  return (
    <li>
      <label className={`facet-row${count === 0 ? ' is-empty' : ''}`}>
        <input type="checkbox" checked={shown} onChange={onToggle} />
        {icon}
        <span className="facet-label">{label}</span>
        <span className="count">{count}</span>
      </label>
    </li>
  );
}
