/**
 * A news page's weight is mostly what is not its article: inline scripts (state for the page's code,
 * ads), styles, SVG icons, comments. Reading the article parses the page with DOMParser on the main
 * thread, and a 1 MB page made a 400 ms task there; those parts are cut from the markup first, in the
 * authoring worker, so the DOM the main thread builds is the page's text and structure only.
 *
 * Cut as the HTML tokenizer ends them: a script or style element ends at the first `</script` or
 * `</style`, whatever its content says, a comment at the first `-->`. Structured data
 * (`<script type="application/ld+json">`) stays: Readability reads the byline and date from it.
 */

const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi;
const OTHER = /<(style|noscript|template|svg)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;
const JSON_LD = /\btype\s*=\s*["']?application\/ld\+json/i;

export function withoutInertMarkup(html: string): string {
  return html
    .replace(SCRIPT, (whole, attributes: string) => (JSON_LD.test(attributes) ? whole : ''))
    .replace(OTHER, '');
}
