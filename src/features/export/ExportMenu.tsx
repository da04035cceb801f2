/** The top bar's Export menu: PNG/SVG with scale, background, legend and citations; bundle, GraphML, GEXF and CSV; and a link to this view. */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CanvasHandle } from '../../graph-view/canvas-handle';
import { FORMAT_INFO, type DataFormat } from '../../model/export/formats';
import { PAGE_PRESET_IDS, PAGE_PRESETS, TEXT_LIMITS, type PageTexts } from '../../model/export/page';
import { SCOPE_LABELS, type ExportScope } from '../../model/export/scope';
import { useActions, useStoreApi } from '../../store/context';
import { shareLink } from '../share/saved-view';
import { saveUrl } from './download';
import { exportEmbed } from '../embed/export-embed';
import { pageDownloads } from './page-files';
import { exportDataFileWithTexts } from './export-data';
import { exportImage } from './export-image';
import { imageNotes } from './image-notes';
import { DEFAULT_IMAGE_OPTIONS, ExportError, SCALES, type ImageOptions } from './image-options';
import './export.css';

const DATA_BUTTONS: Array<{ format: DataFormat; text: string }> = [
  { format: 'json', text: 'Bundle (.json)' },
  { format: 'graphml', text: 'GraphML' },
  { format: 'gexf', text: 'GEXF' },
  { format: 'csv', text: 'CSV (.zip)' },
];

const PAGE_TEXT_FIELDS: Array<{ key: keyof PageTexts; label: string }> = [
  { key: 'headline', label: 'Headline' },
  { key: 'standfirst', label: 'Standfirst' },
  { key: 'credit', label: 'Credit' },
  { key: 'sourceLine', label: 'Source line' },
  { key: 'date', label: 'Date' },
];

export function ExportMenu({ getCanvas }: { getCanvas: () => CanvasHandle | null }) {
  const store = useStoreApi();
  const { notify } = useActions();
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<ImageOptions>(DEFAULT_IMAGE_OPTIONS);
  const [status, setStatus] = useState('');
  // The files of the last export, kept as links in the status: a browser that held an automatic download
  // back (some stop a page's downloads after the first) still lets the user save each one by hand.
  const [saved, setSaved] = useState<SavedFile[]>([]);
  // Later rather than at once: revoking a URL whose download is still starting can cancel it.
  useEffect(() => () => void setTimeout(() => revokeAll(saved), 60_000), [saved]);
  const [busy, setBusy] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', onPointer);
    return () => window.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const run = async (
    what: string,
    produce: () => Promise<{
      fileName: string;
      blob: Blob;
      note?: string;
      more?: Array<{ fileName: string; blob: Blob }>;
    }>,
  ) => {
    setBusy(true);
    setSaved([]);
    setStatus(`Exporting ${what}…`);
    try {
      const { fileName, blob, note, more = [] } = await produce();
      // A page's evidence continued: each further page is a file of its own, downloaded with it (or all in a zip).
      const files = (await pageDownloads({ fileName, blob }, more)).map((f) => ({
        fileName: f.fileName,
        url: URL.createObjectURL(f.blob),
      }));
      for (const file of files) saveUrl(file.url, file.fileName);
      const pages = more.length > 0 && files.length === 1 ? `, ${more.length + 1} pages` : '';
      setSaved(files);
      setStatus(note ? ` ${note.replace(/\)$/, `${pages})`)}` : '');
    } catch (e) {
      const message = e instanceof ExportError ? e.message : `The export failed: ${String(e)}`;
      setStatus(message);
      notify('error', message);
    } finally {
      setBusy(false);
    }
  };

  const exportImageAs = (format: ImageOptions['format']) =>
    run(FORMAT_INFO[format].label, async () => {
      const canvas = getCanvas();
      if (!canvas) throw new ExportError('The canvas is not ready yet.');
      const file = await exportImage(canvas, store.getState(), { ...options, format });
      const { note, notices } = imageNotes(file, { ...options, format });
      for (const text of notices) notify('info', text);
      return { ...file, note };
    });

  const copyLink = async () => {
    const url = shareLink(store.getState());
    if (!url) return;
    setLink(url);
    setSaved([]);
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Link copied to the clipboard.');
    } catch {
      // Clipboard access can be refused; the link stays in the field below to copy by hand.
      setStatus('Copy the link below.');
    }
  };

  // On the menu rather than the window: Escape closes this menu only (not a panel or the selection behind
  // it) and gives focus back to the Export button.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape' || !open) return;
    e.preventDefault();
    e.stopPropagation();
    setOpen(false);
    button.current?.focus();
  };

  const set = <K extends keyof ImageOptions>(key: K, value: ImageOptions[K]) =>
    setOptions({ ...options, [key]: value });
  const setText = (key: keyof PageTexts, value: string) =>
    setOptions({ ...options, texts: { ...options.texts, [key]: value } });

  return (
    <div className="export-menu" ref={root} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen(!open)}
      >
        Export
      </button>
      {open && (
        <div className="export-panel" role="dialog" aria-label="Export">
          {/* On a phone the panel is a sheet over the menu that opened it: this is its way out. */}
          <button
            type="button"
            className="export-close"
            onClick={() => {
              setOpen(false);
              button.current?.focus();
            }}
          >
            Close
          </button>
          <fieldset>
            <legend>Image of the view</legend>
            <div className="export-row" role="radiogroup" aria-label="What to draw">
              <span>Draw</span>
              {(Object.keys(SCOPE_LABELS) as ExportScope[]).map((scope) => (
                <label key={scope}>
                  <input
                    type="radio"
                    name="export-scope"
                    checked={options.scope === scope}
                    onChange={() => set('scope', scope)}
                  />
                  {SCOPE_LABELS[scope]}
                </label>
              ))}
            </div>
            <label className="export-row">
              <span>Size</span>
              <select
                value={options.page}
                onChange={(e) => set('page', e.target.value as ImageOptions['page'])}
              >
                <option value="drawing">Fit the drawing</option>
                {PAGE_PRESET_IDS.map((id) => (
                  <option key={id} value={id}>
                    {PAGE_PRESETS[id].label}
                  </option>
                ))}
              </select>
            </label>
            {/* Every size is a page: a drawing fitted has the same headline, credits and footer as a preset. */}
            <div className="export-texts">
              {PAGE_TEXT_FIELDS.map(({ key, label }) => (
                <label key={key}>
                  <span>{label}</span>
                  <input
                    type="text"
                    value={options.texts[key]}
                    maxLength={TEXT_LIMITS[key]}
                    onChange={(e) => setText(key, e.target.value)}
                  />
                </label>
              ))}
              <div className="export-row" role="radiogroup" aria-label="Evidence that does not fit">
                <span>More evidence</span>
                <label>
                  <input
                    type="radio"
                    name="export-overflow"
                    checked={options.overflow === 'continue'}
                    onChange={() => set('overflow', 'continue')}
                  />
                  On a page 2
                </label>
                <label>
                  <input
                    type="radio"
                    name="export-overflow"
                    checked={options.overflow === 'shorten'}
                    onChange={() => set('overflow', 'shorten')}
                  />
                  Shorten, with a link
                </label>
              </div>
            </div>
            {/* A page is its own size in pixels; the scale is for drawings. */}
            {options.page === 'drawing' && (
              <div className="export-row" role="radiogroup" aria-label="Scale">
                <span>Scale</span>
                {SCALES.map((s) => (
                  <label key={s}>
                    <input
                      type="radio"
                      name="export-scale"
                      checked={options.scale === s}
                      onChange={() => set('scale', s)}
                    />
                    {s}×
                  </label>
                ))}
              </div>
            )}
            <div className="export-row" role="radiogroup" aria-label="Background">
              <span>Background</span>
              {(['white', 'transparent'] as const).map((b) => (
                <label key={b}>
                  <input
                    type="radio"
                    name="export-bg"
                    checked={options.background === b}
                    onChange={() => set('background', b)}
                  />
                  {b === 'white' ? 'White' : 'Transparent'}
                </label>
              ))}
            </div>
            <div className="export-row">
              <label>
                <input
                  type="checkbox"
                  checked={options.legend}
                  onChange={(e) => set('legend', e.target.checked)}
                />
                Legend
              </label>
              <label>
                <input
                  type="checkbox"
                  checked={options.citations}
                  onChange={(e) => set('citations', e.target.checked)}
                />
                Numbered citations
              </label>
            </div>
            <div className="export-actions">
              <button type="button" disabled={busy} onClick={() => void exportImageAs('png')}>
                PNG
              </button>
              <button type="button" disabled={busy} onClick={() => void exportImageAs('svg')}>
                SVG
              </button>
            </div>
          </fieldset>
          <fieldset>
            <legend>Data with its evidence</legend>
            <div className="export-actions">
              {DATA_BUTTONS.map(({ format, text }) => (
                <button
                  key={format}
                  type="button"
                  disabled={busy}
                  title={FORMAT_INFO[format].label}
                  onClick={() =>
                    void run(FORMAT_INFO[format].label, () =>
                      exportDataFileWithTexts(store, format, (read, total) =>
                        setStatus(
                          `Fetching the source texts from the server… ${Math.floor((100 * read) / Math.max(1, total))}% of ${megabytes(total)}`,
                        ),
                      ),
                    )
                  }
                >
                  {text}
                </button>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>Share</legend>
            <div className="export-actions">
              <button type="button" onClick={() => void copyLink()}>
                Copy link to this view
              </button>
              <button
                type="button"
                disabled={busy}
                title="One HTML file with this view, its quotes and the story, that opens with no server"
                onClick={() => void run('an interactive page', () => exportEmbed(store))}
              >
                Interactive page (HTML)
              </button>
            </div>
            {link && (
              <input
                className="export-link"
                readOnly
                value={link}
                aria-label="Link to this view"
                onFocus={(e) => e.target.select()}
              />
            )}
          </fieldset>
          <p className="export-status" role="status" aria-live="polite">
            {saved.length > 0 && <SavedLinks files={saved} />}
            {status}
          </p>
        </div>
      )}
    </div>
  );
}

interface SavedFile {
  fileName: string;
  url: string;
}

function revokeAll(files: readonly SavedFile[]): void {
  for (const f of files) URL.revokeObjectURL(f.url);
}

/** "Saved a.png and a-page2.png, a-page3.png", each name a link that saves its file again. */
function SavedLinks({ files }: { files: readonly SavedFile[] }) {
  return (
    <>
      Saved{' '}
      {files.map((f, i) => (
        <span key={f.url}>
          {i === 1 ? ' and ' : i > 1 ? ', ' : ''}
          <a href={f.url} download={f.fileName} title={`Save ${f.fileName} again`}>
            {f.fileName}
          </a>
        </span>
      ))}
    </>
  );
}

const megabytes = (chars: number) =>
  chars < 1024 * 1024 ? `${Math.ceil(chars / 1024)} KB` : `${(chars / (1024 * 1024)).toFixed(1)} MB`;
