import { describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { draftToFiles } from '../../src/model/authoring/draft-files';
import {
  draftFromZip,
  draftToZip,
  unzipDataset,
  ZIP_LIMITS,
} from '../../src/model/authoring/draft-files-zip';
import { smallDraft } from './draft-fixture';

const files = () => draftToFiles(smallDraft());
const zipOf = (entries: Record<string, string | Uint8Array>) =>
  zipSync(
    Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])),
  );

describe('dataset zip', () => {
  it('holds exactly the dataset folder, named after the dataset', () => {
    const names = Object.keys(unzipSync(draftToZip(smallDraft())))
      .filter((n) => !n.endsWith('/'))
      .sort();
    expect(names).toEqual(
      Object.keys(files())
        .map((n) => `letters/${n}`)
        .sort(),
    );
  });

  it('reads back the draft it was made from', () => {
    const draft = smallDraft();
    const read = draftFromZip(draftToZip(draft), {
      key: 'k1',
      label: 'letters.zip',
      now: new Date(draft.updatedAt),
    });
    expect(read).toEqual({ ok: true, draft, problems: [] });
  });

  it('reads a dataset zipped without its folder', () => {
    const read = unzipDataset(zipOf(files()), 'flat.zip');
    expect(read).toEqual({ ok: true, files: files() });
  });

  it('says a zip without dataset.json is not a dataset', () => {
    const read = unzipDataset(zipOf({ 'notes/readme.txt': 'hello' }), 'notes.zip');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]!.message).toMatch(/not a dataset: it has no dataset\.json/);
  });

  it('names the file a dataset zip is missing', () => {
    const partial = files();
    delete partial['quotes.json'];
    const read = draftFromZip(zipOf(partial), { key: 'k', label: 'part.zip' });
    expect(read.ok).toBe(false);
    expect(read.problems).toContainEqual(
      expect.objectContaining({ file: 'part.zip/quotes.json', message: 'the dataset has no quotes.json' }),
    );
  });

  it('refuses bytes that are not a zip', () => {
    const read = unzipDataset(strToU8('just some text, not an archive'), 'fake.zip');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]!.message).toMatch(/^not a readable zip file/);
  });

  it.each([
    ['../evil.txt', /climbs out of the folder/],
    ['letters/../../evil.txt', /climbs out of the folder/],
    ['/etc/cron.d/evil', /absolute path/],
    ['C:/evil.txt', /absolute path/],
    ['letters\\..\\evil.txt', /backslash/],
  ])('refuses an entry named %s', (name, why) => {
    const read = unzipDataset(zipOf({ ...files(), [name]: 'x' }), 'bad.zip');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]!.message).toMatch(why);
  });

  it('refuses a zip bomb before inflating it', () => {
    const bomb = zipOf({ ...files(), 'sources/zeros.txt': new Uint8Array(8 * 1024 * 1024) });
    expect(bomb.byteLength).toBeLessThan(64 * 1024);
    const read = unzipDataset(bomb, 'bomb.zip');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]!.message).toMatch(/inflates \d+ times \(a zip bomb\?\); refused/);
  });

  it('refuses a zip that inflates past the total limit, or holds too many entries', () => {
    const big = unzipDataset(zipOf(files()), 'big.zip', { ...ZIP_LIMITS, maxTotalBytes: 100 });
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.problems[0]!.message).toMatch(/inflates to more than 100 bytes/);
    const many = unzipDataset(zipOf(files()), 'many.zip', { ...ZIP_LIMITS, maxEntries: 3 });
    expect(many.ok).toBe(false);
    if (!many.ok) expect(many.problems[0]!.message).toMatch(/more than 3 entries/);
    const large = unzipDataset(zipOf(files()), 'large.zip', { ...ZIP_LIMITS, maxZipBytes: 10 });
    expect(large.ok).toBe(false);
    if (!large.ok) expect(large.problems[0]!.code).toBe('too-large');
  });
});
