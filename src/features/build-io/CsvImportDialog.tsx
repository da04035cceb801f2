/**
 * Imports a spreadsheet made from the CSV template: pick the source the quotes come from and the CSV
 * files, see what would be added and every row that could not be (with the closest sentence of the
 * source for a quote not found), then import. The draft changes only on "Import", in one undoable step.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { previewCsvImport } from '../../data/authoring-client';
import { decodeSourceBytes } from '../../data/source-decode';
import type { Draft } from '../../model/authoring/draft';
import { CSV_TEMPLATE, type CsvImport } from '../../model/authoring/csv';
import { MAX_SOURCE_TEXT_BYTES } from '../../model/format/limits';
import { downloadBlob } from '../export/download';
import './build-io.css';
import { counted } from '../../lib/counted';

export interface CsvImportDialogProps {
  draft: Draft;
  /** Puts the imported draft in place of `draft` (one undoable step). */
  onImport(next: Draft): void;
  onClose(): void;
}

type Sheet = 'entities' | 'relations';
type Picked = { name: string; text: string } | { name: string; error: string };

/** A CSV file's text, read as a source text is read (UTF-8 or UTF-16 with a mark; no binary), or why not. */
async function readCsv(file: File): Promise<Picked> {
  if (!/\.(csv|txt)$/i.test(file.name) && file.type !== 'text/csv')
    return { name: file.name, error: `${file.name}: only .csv files can be imported here` };
  if (file.size > MAX_SOURCE_TEXT_BYTES)
    return {
      name: file.name,
      error: `${file.name}: the file is ${Math.round(file.size / 1e6)} MB; a sheet is limited to ${MAX_SOURCE_TEXT_BYTES / 1024 / 1024} MB`,
    };
  const decoded = decodeSourceBytes(new Uint8Array(await file.arrayBuffer()));
  return decoded.ok
    ? { name: file.name, text: decoded.text }
    : { name: file.name, error: `${file.name}: ${decoded.error}` };
}

export function CsvImportDialog({ draft, onImport, onClose }: CsvImportDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [sourceId, setSourceId] = useState(draft.sources[0]?.id ?? '');
  const [sheets, setSheets] = useState<Partial<Record<Sheet, Picked>>>({});

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const { texts, unreadable } = useMemo(() => {
    const texts: { entities?: string; relations?: string } = {};
    for (const sheet of ['entities', 'relations'] as const) {
      const picked = sheets[sheet];
      if (picked && 'text' in picked) texts[sheet] = picked.text;
    }
    const bad = Object.values(sheets).filter((p): p is { name: string; error: string } => 'error' in p);
    return { texts, unreadable: bad };
  }, [sheets]);
  const ready =
    unreadable.length === 0 && !!sourceId && (texts.entities !== undefined || texts.relations !== undefined);
  // Worked out in the authoring worker (each row's quote is looked for in the whole source), from what is
  // picked: the preview is kept only for the inputs it was computed from, so it always matches "Import".
  const [computed, setComputed] = useState<
    { for: unknown[]; preview: CsvImport } | { for: unknown[]; error: string } | null
  >(null);
  const inputs = [draft, texts, sourceId];
  useEffect(() => {
    if (!ready) return;
    let current = true;
    const asked = [draft, texts, sourceId];
    previewCsvImport(draft, texts, sourceId).then(
      (preview) => current && setComputed({ for: asked, preview }),
      (e: unknown) =>
        current && setComputed({ for: asked, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
    };
  }, [ready, draft, texts, sourceId]);
  const answer = ready && computed && computed.for.every((v, i) => v === inputs[i]) ? computed : null;
  const preview = answer && 'preview' in answer ? answer.preview : null;
  const failed = answer && 'error' in answer ? answer.error : null;
  const reading = ready && !answer;
  const added = preview?.added;
  const addsSomething = !!added && added.entities + added.relations + added.quotes > 0;

  const pick = async (sheet: Sheet, file: File | undefined) => {
    if (!file) return;
    const picked = await readCsv(file);
    setSheets((s) => ({ ...s, [sheet]: picked }));
  };

  return (
    <dialog
      ref={dialog}
      className="build-io-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="build-io-head">
        <h2 id={`${id}-title`}>Import a spreadsheet</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <p className="muted">
        Two sheets saved as CSV: entities, and relations with the quote each rests on. Quotes are found in the
        source even with straight quotes, other dashes, spacing or case, and stored as the source writes them.{' '}
        <button
          type="button"
          className="link"
          onClick={() => {
            downloadBlob(new Blob([`${CSV_TEMPLATE.entities}\n`], { type: 'text/csv' }), 'entities.csv');
            downloadBlob(new Blob([`${CSV_TEMPLATE.relations}\n`], { type: 'text/csv' }), 'relations.csv');
          }}
        >
          Download the template
        </button>
      </p>
      {draft.sources.length === 0 ? (
        <p className="build-io-error" role="alert">
          Add the source the quotes come from first: a relation’s quote must be found in a source of the
          draft.
        </p>
      ) : (
        <label className="build-io-field">
          Quotes come from
          <select value={sourceId} onChange={(e) => setSourceId(e.target.value)}>
            {draft.sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="build-io-grid">
        {(['entities', 'relations'] as const).map((sheet) => (
          <label key={sheet} className="build-io-field">
            {sheet === 'entities' ? 'Entities (.csv)' : 'Relations (.csv)'}
            <input
              type="file"
              accept=".csv,text/csv"
              data-testid={`csv-${sheet}-input`}
              onChange={(e) => void pick(sheet, e.target.files?.[0])}
            />
          </label>
        ))}
      </div>
      {unreadable.map((p) => (
        <p key={p.name} className="build-io-error" role="alert">
          {p.error}
        </p>
      ))}
      {reading && (
        <p className="muted" role="status">
          Reading the sheets and finding each quote in the source…
        </p>
      )}
      {failed && (
        <p className="build-io-error" role="alert">
          The sheets could not be read: {failed}
        </p>
      )}
      {preview && (
        <section className="build-io-preview" aria-label="What the import would do" data-testid="csv-preview">
          <p>
            Would add {counted(preview.added.entities, 'entity', 'entities')},{' '}
            {counted(preview.added.relations, 'relation', 'relations')} and{' '}
            {counted(preview.added.quotes, 'quote', 'quotes')}.
          </p>
          {preview.problems.length > 0 && (
            <>
              <p className="build-io-error">
                {counted(preview.problems.length, 'row', 'rows')} could not be imported:
              </p>
              <ul className="build-io-list" data-testid="csv-problems">
                {preview.problems.map((p, i) => (
                  <li key={i}>
                    <span>
                      {p.file}.csv: {p.message}
                    </span>
                    {p.closest && (
                      <span className="build-io-closest">
                        Closest in the source: <q>{p.closest}</q>
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      <div className="build-io-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={!preview || !addsSomething}
          onClick={() => {
            if (!preview) return;
            onImport(preview.draft);
            onClose();
          }}
        >
          Import
        </button>
      </div>
    </dialog>
  );
}
