/**
 * Adds a source to the draft: paste its text or open a .txt, .md or .html file, then say what it is
 * (title, publisher, author, date, URL, language). A file's own metadata fills the empty fields. Nothing
 * reaches the draft until "Add source", and a refusal keeps everything typed.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { decodeSourceFile } from '../../data/authoring-client';
import { intakeFile, intakePaste, type IntakenSource } from '../../data/source-intake';
import {
  checkSourceForm,
  EMPTY_SOURCE_FORM,
  proposeInto,
  SOURCE_FIELDS,
  type SourceField,
  type SourceForm,
  type SourceSubmission,
} from './source-form';
import './build-io.css';

export interface AddSourceDialogProps {
  /** Adds the source; returns why it could not (the dialog stays open, nothing lost), or null when added. */
  onAdd(source: SourceSubmission): string | null;
  onClose(): void;
}

const FIELD_INFO: Record<SourceField, { label: string; placeholder?: string }> = {
  title: { label: 'Title' },
  publisher: { label: 'Publisher', placeholder: 'empty if the text does not say' },
  author: { label: 'Author', placeholder: 'empty if the text does not say' },
  date: { label: 'Date', placeholder: '2024, 2024-03 or 2024-03-05' },
  url: { label: 'URL', placeholder: 'https://…' },
  language: { label: 'Language', placeholder: 'en' },
};

const KIND_NAME: Record<IntakenSource['kind'], string> = {
  text: 'plain text',
  markdown: 'Markdown, kept as text',
  html: 'the article of a web page',
};

export function AddSourceDialog({ onAdd, onClose }: AddSourceDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const id = useId();
  const [form, setForm] = useState<SourceForm>(EMPTY_SOURCE_FORM);
  const [text, setText] = useState('');
  const [from, setFrom] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<SourceField, string>>>({});
  const [reading, setReading] = useState(false);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const openFile = async (file: File) => {
    setReading(true);
    const result = await intakeFile(file, decodeSourceFile);
    setReading(false);
    // A refused file leaves the text and fields as they were.
    if (!result.ok) return setError(result.error);
    setError(null);
    setText(result.source.text);
    setForm((f) => proposeInto(f, result.source.meta));
    setFrom(
      `From ${file.name}: ${KIND_NAME[result.source.kind]}, ${result.source.text.length.toLocaleString('en')} characters${
        result.source.encoding === 'utf-8' ? '' : `, read as ${result.source.encoding.toUpperCase()}`
      }.`,
    );
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const intake = intakePaste(text);
    const checked = checkSourceForm(form);
    setFieldErrors(checked.ok ? {} : checked.errors);
    if (!intake.ok) return setError(intake.error);
    if (!checked.ok) return setError('Some fields need fixing: see the ones marked in red.');
    const refused = onAdd({ ...checked.value, text: intake.source.text });
    if (refused) return setError(refused);
    onClose();
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
      <form onSubmit={submit} noValidate>
        <div className="build-io-head">
          <h2 id={`${id}-title`}>Add a source</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </div>
        <div className="build-io-row">
          <button type="button" onClick={() => fileInput.current?.click()} disabled={reading}>
            {reading ? 'Reading…' : 'Open a file…'}
          </button>
          <span className="muted">.txt, .md or .html; or paste the text below</span>
          <input
            ref={fileInput}
            type="file"
            accept=".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
            hidden
            data-testid="source-file-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void openFile(file);
            }}
          />
        </div>
        {from && <p className="build-io-note">{from}</p>}
        <label className="build-io-field">
          Text
          <textarea
            value={text}
            rows={8}
            onChange={(e) => {
              setText(e.target.value);
              setFrom(null);
            }}
            placeholder="Paste the text of the article, interview or document"
          />
        </label>
        <div className="build-io-grid">
          {SOURCE_FIELDS.map((field) => {
            const info = FIELD_INFO[field];
            const problem = fieldErrors[field];
            return (
              <label key={field} className="build-io-field">
                {info.label}
                <input
                  name={field}
                  value={form[field]}
                  placeholder={info.placeholder}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? `${id}-${field}-error` : undefined}
                  onChange={(e) => setForm({ ...form, [field]: e.target.value })}
                />
                {problem && (
                  <span id={`${id}-${field}-error`} className="build-io-error">
                    {problem}
                  </span>
                )}
              </label>
            );
          })}
        </div>
        {error && (
          <p className="build-io-error" role="alert">
            {error}
          </p>
        )}
        <div className="build-io-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={reading}>
            Add source
          </button>
        </div>
      </form>
    </dialog>
  );
}
