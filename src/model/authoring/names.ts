/**
 * How a name is normalised for grouping and matching: "Trump", "Trump’s", "President Trump" and
 * "the Kremlin" / "Kremlin" meet on one key. Shared by the mention finder, the merge suggestions and the
 * entity matcher, so the three agree on when two names are the same.
 */

/** Titles dropped from the start of a name. */
const TITLES = new Set([
  'president',
  'vice-president',
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'prof',
  'professor',
  'sen',
  'senator',
  'rep',
  'representative',
  'gov',
  'governor',
  'general',
  'gen',
  'chancellor',
  'minister',
  'premier',
  'secretary',
  'judge',
  'justice',
  'sir',
  'dame',
  'lord',
  'lady',
  'king',
  'queen',
  'prince',
  'princess',
  'pope',
  'sheikh',
  'mayor',
  'ambassador',
  'commissioner',
  'director',
  'chairman',
  'chairwoman',
  'ceo',
  'colonel',
  'col',
  'captain',
  'capt',
  'lt',
  'sgt',
  'admiral',
  'adm',
  'rev',
  'father',
  'st',
  'saint',
]);
/** Two-word titles ("prime minister") are dropped before single ones. */
const TITLE_PAIRS = new Set(['prime minister', 'foreign minister', 'vice president', 'supreme leader']);
/** Generational suffixes, ignored when a surname is compared. */
export const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** The grouping key of a name: lowercase, possessive, leading "the" and titles, dots and quote marks gone. */
export function mentionKey(name: string): string {
  let s = name
    .normalize('NFKC')
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/[“”„«»"]/g, '')
    .replace(/[‐‑‒–—−]/g, '-')
    .trim()
    .toLowerCase();
  s = s.replace(/\s*\([^)]*\)\s*/g, ' '); // "Helsinki summit (July 2018)"
  s = s.replace(/'s$|(?<=s)'$/u, ''); // "Trump's", "Democrats'"
  s = s.replace(/\./g, '').replace(/[,;:!?]+/g, ' '); // "U.S." as "us", "Washington, D.C." as "washington dc"
  s = s.replace(/\s+/g, ' ').trim();
  let words = s.split(' ');
  if (words[0] === 'the' && words.length > 1) words = words.slice(1);
  for (;;) {
    if (words.length > 2 && TITLE_PAIRS.has(`${words[0]} ${words[1]}`)) words = words.slice(2);
    else if (words.length > 1 && TITLES.has(words[0]!)) words = words.slice(1);
    else break;
  }
  return words.join(' ');
}

/** The last word of a key that is not a generational suffix: the surname a person is called by alone. */
export function surnameOf(key: string): string {
  const words = key.split(' ');
  while (words.length > 1 && NAME_SUFFIXES.has(words[words.length - 1]!)) words.pop();
  return words[words.length - 1]!;
}

/** Courtesy titles a text puts before a surname alone ("Mr. Trump"), whoever the person is. */
export const HONORIFICS = ['mr', 'mrs', 'ms', 'dr'] as const;

/**
 * The title a name opens with ("president" for "President Putin", "prime minister" for "Prime
 * Minister Modi"), lowercase without its full stop, or undefined; a role ("Mayor of Springfield") may be
 * the title alone. A text says "the president" for them.
 */
export function leadingTitle(name: string, role = false): string | undefined {
  const words = name.toLowerCase().replace(/\./g, '').split(/\s+/).filter(Boolean);
  if (words[0] === 'the') words.shift();
  const rest = role ? 0 : 1;
  if (words.length > 1 + rest && TITLE_PAIRS.has(`${words[0]} ${words[1]}`)) return `${words[0]} ${words[1]}`;
  const first = words[0];
  if (first && words.length > rest && TITLES.has(first) && !(HONORIFICS as readonly string[]).includes(first))
    return first;
  return undefined;
}
