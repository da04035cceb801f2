/**
 * The view as a short, readable URL fragment, and back. Pure and DOM-free.
 *
 * `v=1;d=<dataset>;s=e.<id>;ht=…;hr=…;hs=…;tr=<from>_<to>;tu=1;hx=<source>,…;ms=<n>;c=1;o=<size>.<colour>.<parallel>;e=<id>,…;p=<x>_<y>,…;a=<i>.<j>,…;pn=<i>,…;st=<story>;z`
 *
 * `hx` (sources set aside), `ms` (minimum independent sources) and `c` (contested only) came with several
 * sources per dataset; a link without them keeps every source, as links written before them mean.
 * The story (`st`, model/story/story-codec.ts) is last: the longest segment, and the least needed to show
 * the view.
 *
 * Segments are independent and ordered from most to least important, and `z` closes a complete link,
 * so a link cut short still restores its beginning and says it was cut. Every value is checked with
 * zod before use; nothing in a link is ever evaluated or rendered as markup.
 */
import { z } from 'zod';
import { IMPORTANCE_MEASURES } from '../../model/analysis/importance';
import type { Filters } from '../../model/core/filters';
import { pairEnds } from '../../model/core/parallel-relations';
import { idSchema } from '../../model/format/schema';
import type { Story } from '../../model/story/story';
import { encodeStory } from '../../model/story/story-codec';
import { ENTITY_TYPES, STATUSES, type EntityType, type Status } from '../../model/core/vocabulary';
import { INITIAL_DISPLAY, type DisplayOptions } from '../../store/analysis-state';
import type { Point, Selection, ViewState } from '../../store/view-state';

const CODEC_VERSION = '1';
/** Longer fragments are not views this app wrote; refusing them bounds the work a hostile link can cause. */
export const MAX_LINK_CHARS = 200_000;
const MAX_ENTITIES = 5_000;

export interface LinkView {
  dataset?: string;
  entities: string[];
  /** Parallel to `entities`; null where the link gives no (valid) position. */
  positions: Array<Point | null>;
  /** [entity index, index of the entity whose expansion added it]. */
  addedBy: Array<[number, number]>;
  selection: Selection;
  hiddenEntityTypes: EntityType[];
  hiddenRelationTypes: string[];
  hiddenStatuses: Status[];
  timeRange: { from: string; to: string } | null;
  hiddenSources: string[];
  /** 1 when the link sets no minimum. */
  minSources: number;
  contestedOnly: boolean;
  /** How the graph is drawn (node size, colour, parallel relations); absent when the link keeps the defaults. */
  display: DisplayOptions | null;
  /** Undated items hidden while the time range is set. */
  hideUndated: boolean;
  /** Indices into `entities` of the pinned ones. */
  pinned: number[];
  /** The story, still encoded (decodeStory checks it). */
  story?: string;
}

export interface DecodedLink {
  link: LinkView;
  /** False when the closing `z` is missing: the link was cut short. */
  complete: boolean;
  /** What could not be read, in words for a notice. */
  problems: string[];
}

const entityTypeSchema = z.enum(ENTITY_TYPES);
const statusSchema = z.enum(STATUSES);
const relationTypeIdSchema = z.string().regex(/^[a-z]+(?:_[a-z]+)*$/);
const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** More independent sources than this is not a minimum anyone sets by hand. */
const minSourcesSchema = z
  .string()
  .regex(/^[1-9]\d{0,2}$/)
  .transform(Number);
/** Seven digits bound every coordinate to ±9,999,999. */
const positionSchema = z
  .string()
  .regex(/^-?\d{1,7}_-?\d{1,7}$/)
  .transform((s): Point => {
    const [x, y] = s.split('_').map(Number);
    return { x: x ?? 0, y: y ?? 0 };
  });
const isPairId = (id: string) => (pairEnds(id) ?? ['', '']).every((e) => idSchema.safeParse(e).success);
const SELECTION_KINDS = { e: 'entity', r: 'relation', p: 'pair' } as const;
const selectionSchema = z
  .string()
  .regex(/^[erp]\./)
  .transform((s) => ({ kind: SELECTION_KINDS[s[0] as keyof typeof SELECTION_KINDS], id: s.slice(2) }))
  .pipe(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.enum(['entity', 'relation']), id: idSchema }),
      // Two entity ids joined by "~", as pairId writes them.
      z.object({ kind: z.literal('pair'), id: z.string().refine(isPairId, 'not a pair of entity ids') }),
    ]),
  );
const pairSchema = z
  .string()
  .regex(/^\d{1,5}\.\d{1,5}$/)
  .transform((s): [number, number] => {
    const [a, b] = s.split('.');
    return [Number(a), Number(b)];
  });

/** `o=<node size>.<colour>.<parallel relations>`, in this order. */
const DISPLAY_KEYS = ['nodeSize', 'colour', 'parallel'] as const;
const displaySchema = z.tuple([
  z.enum(['uniform', ...IMPORTANCE_MEASURES]),
  z.enum(['type', 'community']),
  z.enum(['bundle', 'separate']),
]);
const sameDisplay = (a: DisplayOptions, b: DisplayOptions) => DISPLAY_KEYS.every((k) => a[k] === b[k]);

/** Segments that are always written, even empty, so a reader can tell "none" from "cut off before it". */
const ALWAYS = new Set(['v', 'd', 'e']);

export function encodeView(
  dataset: string,
  view: ViewState,
  selection: Selection,
  filters: Filters,
  display: DisplayOptions = INITIAL_DISPLAY,
  pinned: ReadonlySet<string> = new Set(),
  story?: Story,
): string {
  const entities = [...view.visible];
  const index = new Map(entities.map((id, i) => [id, i]));
  const positions = entities.map((id) => {
    const p = view.positions.get(id);
    return p ? `${Math.round(p.x)}_${Math.round(p.y)}` : '';
  });
  const addedBy = [...view.addedBy].flatMap(([child, parent]) => {
    const [c, p] = [index.get(child), index.get(parent)];
    return c === undefined || p === undefined ? [] : [`${c}.${p}`];
  });
  const segments: Array<[string, string]> = [
    ['v', CODEC_VERSION],
    ['d', dataset],
    ['s', selection ? `${selection.kind[0]}.${selection.id}` : ''],
    ['ht', [...filters.hiddenEntityTypes].join(',')],
    ['hr', [...filters.hiddenRelationTypes].join(',')],
    ['hs', [...filters.hiddenStatuses].join(',')],
    ['tr', filters.timeRange ? `${filters.timeRange.from}_${filters.timeRange.to}` : ''],
    ['tu', filters.timeRange && filters.hideUndated ? '1' : ''],
    ['hx', [...(filters.hiddenSources ?? [])].join(',')],
    ['ms', (filters.minSources ?? 1) > 1 ? String(filters.minSources) : ''],
    ['c', filters.contestedOnly ? '1' : ''],
    ['o', sameDisplay(display, INITIAL_DISPLAY) ? '' : DISPLAY_KEYS.map((k) => display[k]).join('.')],
    ['e', entities.join(',')],
    ['p', positions.some((p) => p !== '') ? positions.join(',') : ''],
    ['a', addedBy.join(',')],
    ['pn', entities.flatMap((id, i) => (pinned.has(id) ? [String(i)] : [])).join(',')],
    ['st', story && story.steps.length > 0 ? encodeStory(story) : ''],
  ];
  const written = segments.filter(([k, v]) => v !== '' || ALWAYS.has(k)).map(([k, v]) => `${k}=${v}`);
  return [...written, 'z'].join(';');
}

const EMPTY_LINK: LinkView = {
  entities: [],
  positions: [],
  addedBy: [],
  selection: null,
  hiddenEntityTypes: [],
  hiddenRelationTypes: [],
  hiddenStatuses: [],
  timeRange: null,
  hiddenSources: [],
  minSources: 1,
  contestedOnly: false,
  display: null,
  hideUndated: false,
  pinned: [],
};

/** Whether a URL fragment is one of ours (so other fragments are left alone). */
export const isViewLink = (fragment: string): boolean => /^#?v=/.test(fragment);

const list = (value: string | undefined): string[] => (value ? value.split(',') : []);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Reads a fragment (with or without "#"); returns null when it is not a view link at all. */
export function decodeView(fragment: string): DecodedLink | null {
  let text = fragment.replace(/^#/, '');
  if (!isViewLink(text)) return null;
  const problems: string[] = [];
  if (text.length > MAX_LINK_CHARS)
    return { link: EMPTY_LINK, complete: false, problems: ['the link is too long to be a view'] };
  // Some apps percent-encode a pasted link's fragment; a malformed escape is simply kept as it is.
  if (text.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      problems.push('the link contains malformed escapes');
    }
  }
  const segments = text.split(';');
  const complete = segments[segments.length - 1] === 'z';
  const values = new Map<string, string>();
  for (const segment of segments) {
    const eq = segment.indexOf('=');
    if (eq <= 0) continue;
    const key = segment.slice(0, eq);
    if (!values.has(key)) values.set(key, segment.slice(eq + 1));
  }
  if (values.get('v') !== CODEC_VERSION)
    return { link: EMPTY_LINK, complete, problems: ['the link was made by another version of Threadline'] };
  if (!complete) problems.push('the link looks cut short');

  const link: LinkView = { ...EMPTY_LINK, entities: [], positions: [], addedBy: [], pinned: [] };
  const dataset = idSchema.safeParse(values.get('d'));
  if (dataset.success) link.dataset = dataset.data;
  else problems.push('the link does not name a valid dataset');

  const entityItems = list(values.get('e')).slice(0, MAX_ENTITIES);
  const valid = entityItems.map((id) => idSchema.safeParse(id).success);
  link.entities = entityItems.filter((_, i) => valid[i]);
  const badIds = entityItems.length - link.entities.length;
  if (badIds > 0)
    problems.push(
      `${plural(badIds, 'entry', 'entries')} in the link ${badIds === 1 ? 'is' : 'are'} not a valid id`,
    );

  // Positions and expansion pairs index the entity list as written; map them onto the ids kept.
  const remap: Array<number | undefined> = [];
  let next = 0;
  for (const ok of valid) remap.push(ok ? next++ : undefined);

  const rawPositions = list(values.get('p'));
  let badPositions = 0;
  link.positions = entityItems.flatMap((_, i) => {
    if (!valid[i]) return [];
    const raw = rawPositions[i];
    if (raw === undefined || raw === '') return [null];
    const parsed = positionSchema.safeParse(raw);
    if (!parsed.success) badPositions++;
    return [parsed.success ? parsed.data : null];
  });
  if (badPositions > 0) problems.push(`${plural(badPositions, 'position')} could not be read`);

  for (const item of list(values.get('a'))) {
    const pair = pairSchema.safeParse(item);
    if (!pair.success) continue;
    const [child, parent] = [remap[pair.data[0]], remap[pair.data[1]]];
    if (child !== undefined && parent !== undefined) link.addedBy.push([child, parent]);
  }

  for (const item of list(values.get('pn'))) {
    const at = /^\d{1,5}$/.test(item) ? remap[Number(item)] : undefined;
    if (at !== undefined) link.pinned.push(at);
  }

  const story = values.get('st');
  if (story) link.story = story;

  const selection = values.get('s');
  if (selection) {
    const parsed = selectionSchema.safeParse(selection);
    if (parsed.success) link.selection = parsed.data;
    else problems.push('the selection in the link is not valid');
  }

  const filterList = <T extends string>(key: string, schema: z.ZodType<T>, what: string): T[] => {
    const items = list(values.get(key));
    const ok = items.flatMap((item) => {
      const r = schema.safeParse(item);
      return r.success ? [r.data] : [];
    });
    if (ok.length < items.length)
      problems.push(`${plural(items.length - ok.length, what)} in the filters could not be read`);
    return ok;
  };
  link.hiddenEntityTypes = filterList('ht', entityTypeSchema, 'entity type');
  link.hiddenRelationTypes = filterList('hr', relationTypeIdSchema, 'relation type');
  link.hiddenStatuses = filterList('hs', statusSchema, 'status');
  link.hiddenSources = filterList('hx', idSchema, 'source');
  const minSources = values.get('ms');
  if (minSources) {
    const parsed = minSourcesSchema.safeParse(minSources);
    if (parsed.success) link.minSources = parsed.data;
    else problems.push('the minimum number of sources in the link is not valid');
  }
  const contested = values.get('c');
  if (contested === '1') link.contestedOnly = true;
  else if (contested !== undefined) problems.push('the contested-only filter in the link is not valid');

  link.hideUndated = values.get('tu') === '1';
  const range = values.get('tr');
  if (range) {
    const parsed = z.tuple([daySchema, daySchema]).safeParse(range.split('_'));
    if (parsed.success && parsed.data[0] <= parsed.data[1])
      link.timeRange = { from: parsed.data[0], to: parsed.data[1] };
    else problems.push('the time range in the link is not valid');
  }
  const display = values.get('o');
  if (display) {
    const parsed = displaySchema.safeParse(display.split('.'));
    if (parsed.success)
      link.display = { nodeSize: parsed.data[0], colour: parsed.data[1], parallel: parsed.data[2] };
    else problems.push('the display options in the link are not valid');
  }
  return { link, complete, problems };
}
