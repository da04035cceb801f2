/**
 * The single HTML file of an embed: its styles, the data, and the page's script, with a Content-Security-
 * Policy that lets only that script run and the page load nothing from anywhere. Text from the dataset
 * enters only through the data element (escaped by embedJson) and the title (escaped here).
 */
import { embedJson, type EmbedData } from './embed-data';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;background:#fff}
header{padding:10px 14px;border-bottom:1px solid #d9dee3}
h1{margin:0;font-size:17px}
main{display:grid;grid-template-columns:minmax(0,1fr) 340px;height:calc(100vh - 96px);min-height:360px}
#graph{position:relative;min-height:300px;overflow:hidden;background:#f8fafc}
#panel{overflow-y:auto;padding:10px 14px;border-left:1px solid #d9dee3}
#panel h2{font-size:15px;margin:4px 0 8px}
.muted{color:#52606d;font-size:12px}
.badge{display:inline-block;border:1.5px solid;border-radius:999px;padding:0 8px;font-size:12px;font-weight:600}
.quote{margin:10px 0}
blockquote{margin:0;padding-left:10px;border-left:3px solid #ced4da}
mark{background:#fff3bf;color:inherit}
figcaption{font-size:12px;color:#52606d;margin-top:4px}
.relations{padding-left:18px;margin:6px 0}
.relations li{margin:4px 0}
button.link{all:unset;cursor:pointer;color:#1c5dbf;text-decoration:underline}
button.link:focus-visible,button:focus-visible{outline:2px solid #1c5dbf;outline-offset:2px}
#story{padding:8px 14px;border-top:1px solid #d9dee3}
#story .caption{margin:2px 0 6px;font-size:15px}
#story .nav{display:flex;gap:6px}
#story button{font:inherit;padding:4px 12px;border:1px solid #cbd2d9;border-radius:6px;background:#fff;cursor:pointer}
footer{padding:6px 14px;font-size:12px;color:#52606d}
@media (max-width:700px){main{grid-template-columns:minmax(0,1fr);grid-template-rows:55vh auto;height:auto}#panel{border-left:0;border-top:1px solid #d9dee3}}
`;

/** The script as it goes inside its element: "</script" in any string of it would end the element early. */
export const scriptForPage = (script: string): string => script.replace(/<\/(script)/gi, '<\\/$1');

/** `scriptHash` is the base64 SHA-256 of `scriptForPage(script)`, for the policy. */
export function embedPage(data: EmbedData, script: string, scriptHash: string): string {
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}'`,
    // Cytoscape sizes its canvases with style attributes.
    "style-src 'unsafe-inline'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="generator" content="Threadline">
<title>${escapeHtml(data.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1 id="title"></h1></header>
<main>
<div id="graph" role="img" aria-label="The graph: click an edge to read its quotes. The same relations are listed beside it."></div>
<aside id="panel" aria-live="polite" aria-label="Relation and its evidence"></aside>
</main>
<nav id="story" aria-label="Story"></nav>
<footer id="credit"></footer>
<script type="application/json" id="threadline-data">${embedJson(data)}</script>
<script>${scriptForPage(script)}</script>
</body>
</html>
`;
}
