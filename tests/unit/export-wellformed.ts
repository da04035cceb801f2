/** A strict XML well-formedness check for tests (Node has no strict parser): tags balance, attributes are quoted, text holds no markup, entity references are the five XML ones or numeric. */

const NAME = /^[A-Za-z_][\w.:-]*$/;
const REFERENCE = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);/g;

function checkText(text: string, where: string): void {
  if (text.includes('<')) throw new Error(`raw "<" in ${where}: ${text.slice(0, 80)}`);
  if (text.replace(REFERENCE, '').includes('&'))
    throw new Error(`bare "&" in ${where}: ${text.slice(0, 80)}`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(text))
    throw new Error(`character not allowed in XML in ${where}`);
}

function checkAttributes(source: string, tag: string): void {
  const re = /\s+([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/gy;
  let rest = source;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  const seen = new Set<string>();
  let consumed = 0;
  while ((m = re.exec(rest)) !== null) {
    const name = m[1]!;
    if (!NAME.test(name)) throw new Error(`bad attribute name ${name} on <${tag}>`);
    if (seen.has(name)) throw new Error(`duplicate attribute ${name} on <${tag}>`);
    seen.add(name);
    checkText(m[3] ?? m[4] ?? '', `attribute ${name} of <${tag}>`);
    consumed = re.lastIndex;
  }
  rest = rest.slice(consumed);
  if (rest.trim() !== '') throw new Error(`unparsable attributes on <${tag}>: ${rest.slice(0, 80)}`);
}

/** The ">" that closes the tag opened at `lt`, skipping any inside quoted attribute values (legal there). */
function tagEnd(body: string, lt: number): number {
  let quote: string | null = null;
  for (let j = lt + 1; j < body.length; j++) {
    const ch = body[j]!;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return j;
  }
  throw new Error('unclosed tag');
}

/** Throws with a reason when `xml` is not well-formed; returns the element names seen, in order. */
export function assertWellFormed(xml: string): string[] {
  const names: string[] = [];
  const stack: string[] = [];
  let i = 0;
  const body = xml.replace(/^<\?xml[^?]*\?>/, '');
  while (i < body.length) {
    const lt = body.indexOf('<', i);
    const text = lt < 0 ? body.slice(i) : body.slice(i, lt);
    if (stack.length === 0 && text.trim() !== '')
      throw new Error(`text outside the root: ${text.slice(0, 40)}`);
    checkText(text, `text of <${stack[stack.length - 1] ?? 'document'}>`);
    if (lt < 0) break;
    if (body.startsWith('<!--', lt)) {
      const end = body.indexOf('-->', lt);
      if (end < 0) throw new Error('unclosed comment');
      i = end + 3;
      continue;
    }
    const gt = tagEnd(body, lt);
    const inner = body.slice(lt + 1, gt);
    if (inner.startsWith('/')) {
      const name = inner.slice(1).trim();
      if (stack.pop() !== name) throw new Error(`mismatched </${name}>`);
    } else {
      const selfClosing = inner.endsWith('/');
      const content = selfClosing ? inner.slice(0, -1) : inner;
      const name = /^[^\s/>]+/.exec(content)?.[0] ?? '';
      if (!NAME.test(name)) throw new Error(`bad element name "${name}"`);
      if (stack.length === 0 && names.length > 0) throw new Error('more than one root element');
      checkAttributes(content.slice(name.length), name);
      names.push(name);
      if (!selfClosing) stack.push(name);
    }
    i = gt + 1;
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('> <')}>`);
  if (names.length === 0) throw new Error('no root element');
  return names;
}
