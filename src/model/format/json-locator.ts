/**
 * Finds where a JSON path sits in a valid JSON text without a node per value: for a 100 MB dataset
 * file the full position tree takes over a GB. One pass notes where each top-level property, and each
 * element of a top-level array, starts and ends; a path into one record is then resolved in a tree of
 * that record's text alone.
 */
import { findNodeAtLocation, parseTree, visit, type Node } from 'jsonc-parser';

type Path = ReadonlyArray<string | number>;

const OPTIONS = { disallowComments: true, allowTrailingComma: false };

interface Member {
  keyOffset: number;
  start: number;
  end: number;
  /** For an array value: each element's start and end offsets, in turn. */
  elements?: number[];
}

interface Outline {
  rootStart: number;
  /** The root object's properties (the first of equal keys, as a path lookup finds); undefined for other roots. */
  members?: Map<string, Member>;
}

/**
 * Returns, for a path, the offset a problem there is reported at: the value's own, or its key's when it is
 * a property's value; for a path that does not exist, that of its closest existing ancestor.
 */
export function jsonLocator(text: string): (path: Path) => number {
  let outline: Outline | undefined;
  return (path) => offsetOf(text, (outline ??= outlineOf(text)), path);
}

function offsetOf(text: string, outline: Outline, path: Path): number {
  if (path.length === 0) return outline.rootStart;
  if (!outline.members) return inTree(text, path) ?? outline.rootStart;
  const [key, index] = path;
  const member = typeof key === 'string' ? outline.members.get(key) : undefined;
  if (!member) return outline.rootStart;
  if (path.length === 1) return member.keyOffset;
  const { elements } = member;
  if (!elements) return inRange(text, member.start, member.end, path.slice(1)) ?? member.keyOffset;
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= elements.length / 2)
    return member.keyOffset;
  const start = elements[2 * index]!;
  if (path.length === 2) return start;
  return inRange(text, start, elements[2 * index + 1]!, path.slice(2)) ?? start;
}

/** The offset of `path` below the value in text[start, end), or undefined when only that value exists. */
function inRange(text: string, start: number, end: number, path: Path): number | undefined {
  const offset = inTree(text.slice(start, end), path);
  return offset === undefined ? undefined : start + offset;
}

/** The offset of `path` or its deepest existing ancestor below the root, from a full position tree. */
function inTree(text: string, path: Path): number | undefined {
  const root: Node | undefined = parseTree(text, [], OPTIONS);
  if (!root) return undefined;
  for (let n = path.length; n >= 1; n--) {
    const node = findNodeAtLocation(root, path.slice(0, n) as (string | number)[]);
    if (node) return node.parent?.type === 'property' ? node.parent.offset : node.offset;
  }
  return undefined;
}

function outlineOf(text: string): Outline {
  const members = new Map<string, Member>();
  let rootStart = 0;
  let rootIsObject = false;
  let depth = 0;
  let key = '';
  let keyOffset = 0;
  let member: Member | undefined;

  const begin = (offset: number) => {
    if (depth === 0) rootStart = offset;
    else if (depth === 1 && rootIsObject) {
      member = { keyOffset, start: offset, end: offset };
      if (!members.has(key)) members.set(key, member);
    } else if (depth === 2) member?.elements?.push(offset);
  };
  const end = (offset: number) => {
    if (depth === 1 && member) member.end = offset;
    else if (depth === 2) member?.elements?.push(offset);
  };
  // Returning false from a begin callback skips the callbacks inside that value: only the root object
  // and its arrays are entered.
  visit(
    text,
    {
      onObjectBegin(offset) {
        begin(offset);
        const enter = depth === 0;
        if (enter) rootIsObject = true;
        depth++;
        return enter;
      },
      onArrayBegin(offset) {
        begin(offset);
        let enter = false;
        if (depth === 1 && rootIsObject && member) {
          member.elements = [];
          enter = true;
        }
        depth++;
        return enter;
      },
      onObjectEnd(offset, length) {
        depth--;
        end(offset + length);
      },
      onArrayEnd(offset, length) {
        depth--;
        end(offset + length);
      },
      onLiteralValue(_value, offset, length) {
        begin(offset);
        end(offset + length);
      },
      onObjectProperty(name, offset) {
        if (depth === 1) {
          key = name;
          keyOffset = offset;
        }
      },
    },
    OPTIONS,
  );
  return { rootStart, ...(rootIsObject ? { members } : {}) };
}
