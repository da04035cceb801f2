import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { jsonLocator } from '../../src/model/format/json-locator';
import { FIXTURES } from './fixtures';

type Path = Array<string | number>;

/** The reference: a full position tree, searched from the path down to the root. */
function reference(text: string, path: Path): number {
  const root = parseTree(text, [], { disallowComments: true, allowTrailingComma: false })!;
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(root, path.slice(0, n));
    if (node) return node.parent?.type === 'property' ? node.parent.offset : node.offset;
  }
  return root.offset;
}

/** Every path to a value in `value`, each followed by a few that do not exist below it. */
function pathsOf(value: unknown, at: Path = []): Path[] {
  const missing: Path[] = [
    [...at, 'missing'],
    [...at, 99],
    [...at, -1],
  ];
  if (Array.isArray(value)) return [at, ...missing, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))];
  if (value !== null && typeof value === 'object')
    return [at, ...missing, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))];
  return [at, ...missing];
}

function expectSameAsReference(text: string, extra: Path[] = []) {
  const locate = jsonLocator(text);
  for (const path of [...pathsOf(JSON.parse(text)), ...extra])
    expect(locate(path), JSON.stringify(path)).toBe(reference(text, path));
}

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('JSON locator', () => {
  it('agrees with a full position tree on every fixture file', () => {
    const files = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.json'),
    );
    let checked = 0;
    for (const file of files) {
      const text = readFileSync(join(FIXTURES, file), 'utf8');
      try {
        JSON.parse(text);
      } catch {
        continue; // the locator is only asked about files that parsed
      }
      expectSameAsReference(text);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('places a top-level property at its key and a record at its opening brace', () => {
    const text =
      '{\n  "quotes": [\n    {\n      "id": "q1"\n    },\n    { "id": "q2", "exact": "x" }\n  ]\n}\n';
    const locate = jsonLocator(text);
    expect(locate([])).toBe(0);
    expect(locate(['quotes'])).toBe(text.indexOf('"quotes"'));
    expect(locate(['quotes', 0])).toBe(text.indexOf('{\n      "id"'));
    expect(locate(['quotes', 0, 'id'])).toBe(text.indexOf('"id"'));
    expect(locate(['quotes', 1, 'exact'])).toBe(text.indexOf('"exact"'));
    expect(locate(['quotes', 1, 'speaker'])).toBe(text.indexOf('{ "id": "q2"'));
    expect(locate(['quotes', 2, 'id'])).toBe(text.indexOf('"quotes"'));
    expect(locate(['relations', 0])).toBe(0);
  });

  it('handles the shapes a broken dataset file may have', () => {
    const docs = [
      '{"a": [1, [2, [3]], {"b": {"c": [4]}}, "x", null, true], "o": {"p": {"q": 1}}, "n": 5, "e": [], "f": {}}',
      // Equal keys: a path lookup finds the first, so must the locator.
      '{"quotes": [{"id": 1}], "quotes": [{"id": 2}, {"id": 3}], "x": 1, "x": {"y": 2}}',
      // Brackets, braces, quotes and escapes inside strings.
      '{"s": ["{[\\"]}", "\\\\", "\\u007b"], "t": {"{": "}", "\\"[": ["]"]}}',
      '[{"id": 1}, {"id": 2}]',
      '[]',
      '"just a string"',
      '  42  ',
      '{}',
      '\n\n  {\r\n"a"\r\n:\r\n[\r\n{\r\n"b"\r\n:\r\n1\r\n}\r\n]\r\n}\r\n',
      '{"ünï": [{"😀": ["𝒳", {"z": 1}]}]}',
    ];
    for (const text of docs)
      expectSameAsReference(text, [[0], [0, 'id'], ['a', 'x'], ['a', 1, 1, 0], ['quotes', 1.5], ['o', 0]]);
  });

  it('agrees with a full position tree on random documents', () => {
    const next = random(3);
    const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
    const value = (depth: number): unknown => {
      const r = next();
      if (depth > 3 || r < 0.3) return pick([0, -1.5, 'text', 'a "quoted" {x}', '[', true, false, null]);
      if (r < 0.65) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
      return Object.fromEntries(
        Array.from({ length: Math.floor(next() * 4) }, () => [
          pick(['a', 'b', 'id', '{', 'é']),
          value(depth + 1),
        ]),
      );
    };
    for (let round = 0; round < 200; round++) {
      const doc = round % 5 === 0 ? value(0) : { ...(value(1) as object), list: value(1) };
      expectSameAsReference(JSON.stringify(doc, null, pick([0, 1, 2, '\t'])));
    }
  });
});
