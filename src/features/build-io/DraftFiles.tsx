/**
 * The draft out as files and a dataset zip back in. "Export zip" writes the dataset folder (for
 * graph-data/ and `npm run validate`); "Export bundle" the compiled file that Open… explores. A draft
 * with errors is never exported silently: the zip asks first (work in progress may be worth keeping), the
 * bundle is refused, since the app would refuse it. An imported zip becomes a new draft: the one being
 * edited is never replaced or changed.
 */
import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { readDatasetZip, type ZipProgress } from '../../data/authoring-client';
import { newDraftKey, saveDraft } from '../../data/drafts-db';
import type { Draft } from '../../model/authoring/draft';
import { draftToBundle, validateDraft } from '../../model/authoring/draft-files';
import { draftToZip, ZIP_LIMITS, zipFileName } from '../../model/authoring/draft-files-zip';
import { formatProblem, PRINTED_PROBLEMS, type Problem } from '../../model/format/problems';
import { downloadBlob } from '../export/download';
import './build-io.css';
import { counted } from '../../lib/counted';

export interface DraftFilesProps {
  draft: Draft;
  /** A zip was read into a new draft, already saved in this browser; `problems` are what to fix in it. */
  onImport(draft: Draft, problems: Problem[]): void;
}

type Message =
  | { kind: 'info'; text: string }
  | { kind: 'progress'; text: string }
  | { kind: 'problems'; text: string; problems: Problem[]; exportAnyway?: boolean };

const errorsOf = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');
const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** What the import is doing, in words. */
function progressText(name: string, p: ZipProgress): string {
  return p.stage === 'unzipping'
    ? `Importing ${name}: unzipping ${size(p.bytes)}…`
    : `Importing ${name}: checking ${counted(p.files, 'file')} as npm run validate would…`;
}

export function DraftFiles({ draft, onImport }: DraftFilesProps) {
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);

  const writeZip = () => {
    const bytes = draftToZip(draft);
    downloadBlob(
      new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
      zipFileName(draft),
    );
    return bytes.byteLength;
  };

  const exportZip = () => {
    const errors = errorsOf(validateDraft(draft).problems);
    if (errors.length > 0)
      return setMessage({
        kind: 'problems',
        text: `The draft has ${counted(errors.length, 'error')}: the zip would not pass npm run validate until they are fixed.`,
        problems: errors,
        exportAnyway: true,
      });
    const size = writeZip();
    setMessage({ kind: 'info', text: `Exported ${zipFileName(draft)} (${Math.ceil(size / 1024)} kB).` });
  };

  const exportBundle = () => {
    const result = draftToBundle(draft);
    if (!result.ok) {
      const errors = errorsOf(result.problems);
      return setMessage({
        kind: 'problems',
        text: `No bundle: the draft has ${counted(errors.length, 'error')}, and the explorer would refuse it.`,
        problems: errors,
      });
    }
    const fileName = `${draft.dataset.id}.json`;
    downloadBlob(new Blob([JSON.stringify(result.bundle)], { type: 'application/json' }), fileName);
    setMessage({ kind: 'info', text: `Exported ${fileName}: open it with Open… to explore it.` });
  };

  const importZip = async (file: File) => {
    if (file.size > ZIP_LIMITS.maxZipBytes)
      return setMessage({
        kind: 'problems',
        text: `${file.name} could not be imported: the file is ${Math.round(file.size / 1e6)} MB; the limit is ${ZIP_LIMITS.maxZipBytes / 1024 / 1024} MB.`,
        problems: [],
      });
    setBusy(true);
    setMessage({ kind: 'progress', text: `Importing ${file.name}: reading the file…` });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      // Unzipping, decoding and checking run in the authoring worker; each stage is shown as it starts
      // (flushed, so a quick stage is not folded into the next render).
      const read = await readDatasetZip(bytes, { key: newDraftKey(), label: file.name }, (p) =>
        flushSync(() => setMessage({ kind: 'progress', text: progressText(file.name, p) })),
      );
      if (!read.ok)
        return setMessage({
          kind: 'problems',
          text: `${file.name} could not be imported; the draft you are editing is unchanged.`,
          problems: read.problems,
        });
      await saveDraft(read.draft);
      const errors = errorsOf(read.problems);
      setMessage({
        kind: 'info',
        text: `Imported “${read.draft.dataset.title}” from ${file.name} as a new draft${errors.length > 0 ? `, with ${counted(errors.length, 'problem')} to fix` : ''}.`,
      });
      onImport(read.draft, read.problems);
    } catch (e) {
      setMessage({
        kind: 'problems',
        text: `${file.name} could not be imported (${e instanceof Error ? e.message : String(e)}); the draft you are editing is unchanged.`,
        problems: [],
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="build-io-files">
      <div className="build-io-row">
        <button type="button" onClick={exportZip}>
          Export zip
        </button>
        <button type="button" onClick={exportBundle}>
          Export bundle
        </button>
        <button type="button" disabled={busy} onClick={() => input.current?.click()}>
          {busy ? 'Importing…' : 'Import zip…'}
        </button>
        <input
          ref={input}
          type="file"
          accept=".zip,application/zip"
          hidden
          data-testid="import-zip-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importZip(file);
          }}
        />
      </div>
      {message?.kind === 'progress' && (
        <p className="build-io-note" role="status" aria-live="polite" data-testid="zip-import-progress">
          {message.text}
        </p>
      )}
      {message?.kind === 'info' && (
        <p className="build-io-note" role="status">
          {message.text}
        </p>
      )}
      {message?.kind === 'problems' && (
        <div className="build-io-problems" role="alert">
          <p>{message.text}</p>
          {message.problems.length > 0 && (
            <ol>
              {message.problems.slice(0, PRINTED_PROBLEMS).map((p, i) => (
                <li key={i}>
                  <code>{formatProblem(p)}</code>
                </li>
              ))}
            </ol>
          )}
          {message.problems.length > PRINTED_PROBLEMS && (
            <p className="muted">…and {message.problems.length - PRINTED_PROBLEMS} more.</p>
          )}
          <div className="build-io-row">
            {message.exportAnyway && (
              <button
                type="button"
                onClick={() => {
                  const size = writeZip();
                  setMessage({
                    kind: 'info',
                    text: `Exported ${zipFileName(draft)} (${Math.ceil(size / 1024)} kB) with its errors; npm run validate will list them.`,
                  });
                }}
              >
                Export the zip anyway
              </button>
            )}
            <button type="button" onClick={() => setMessage(null)}>
              Dismiss
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
