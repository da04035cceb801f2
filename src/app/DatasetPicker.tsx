/**
 * The dataset's title; served by a Threadline server, a picker of the server's datasets. Choosing one opens
 * it (`?server=<id>`): a new page load, as following a share link of that dataset would be.
 */
import { SERVER_PARAM } from '../features/share/saved-view';
import { useThreadline } from '../store/context';

export function DatasetPicker() {
  const title = useThreadline((s) => s.model?.dataset.title ?? '');
  const id = useThreadline((s) => s.model?.dataset.id ?? '');
  const datasets = useThreadline((s) => s.source.datasets);
  if (datasets.length === 0) return <span className="dataset-title">{title}</span>;
  return (
    <select
      className="dataset-title dataset-picker"
      aria-label="Dataset on the server"
      value={id}
      onChange={(e) => {
        const url = new URL(window.location.href);
        url.searchParams.delete('dataset');
        url.searchParams.set(SERVER_PARAM, e.target.value);
        url.hash = '';
        window.location.assign(url.href);
      }}
    >
      {datasets.map((d) => (
        <option key={d.id} value={d.id}>
          {d.title} ({d.relations.toLocaleString('en')} relations)
        </option>
      ))}
    </select>
  );
}
