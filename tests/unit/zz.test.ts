import { it } from 'vitest';
import { validateBundleText } from '../../src/model/validate-bundle';
import { fixtureFiles, validateFiles, fixtureBundle } from './fixtures';
const tryIt = (name: string, f: () => unknown) => {
  try {
    const r = f() as { problems: unknown[] };
    console.log(name, JSON.stringify(r.problems.slice(0, 2)).slice(0, 300));
  } catch (e) {
    console.log(name, 'THROWS', String(e).slice(0, 200));
  }
};
it('x', () => {
  const deep = '['.repeat(200000) + ']'.repeat(200000);
  tryIt('deep-bundle', () => validateBundleText(deep, 'b.json'));
  const b = fixtureBundle('valid-minimal') as unknown as Record<string, unknown>;
  tryIt('deep-in-bundle', () =>
    validateBundleText(
      JSON.stringify({ ...b, extra: JSON.parse('['.repeat(5000) + ']'.repeat(5000)) })
        .replace('"extra":' + '['.repeat(5000), '"extra":' + '['.repeat(200000))
        .replace(']'.repeat(5000), ']'.repeat(200000)),
      'b.json',
    ),
  );
  const files = fixtureFiles('valid-minimal');
  files.set('entities.json', '{"entities": ' + '['.repeat(200000) + ']'.repeat(200000) + '}');
  tryIt('deep-folder', () => validateFiles('d', files));
  const f2 = fixtureFiles('valid-minimal');
  f2.set('entities.json', '{"entities": [{"id": "' + 'a'.repeat(100_000_000) + '"}]}');
  tryIt('huge-string', () => validateFiles('h', f2));
  const f3 = fixtureFiles('valid-minimal');
  f3.set('entities.json', '{"entities": [{"id": "a", "x": "' + 'a'.repeat(1000) + '\\u00"}]}');
  tryIt('bad-syntax', () => validateFiles('h', f3));
  const b2 = JSON.stringify({
    ...b,
    quotes: [{ ...(b.quotes as object[])[0], exact: 'x'.repeat(50_000_000) }],
  });
  tryIt('huge-bundle-string', () => validateBundleText(b2, 'b.json'));
});
