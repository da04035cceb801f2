/**
 * Vite plugin: puts a Content-Security-Policy into the built index.html. Build only, because the dev
 * server's hot reload relies on inline scripts that this policy forbids.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/**
 * The one stylesheet Cytoscape writes into the page (its renderer inserts it as a <style> element when the
 * canvas mounts). Allowed by its hash, so style-src needs no 'unsafe-inline'; if a Cytoscape upgrade changes
 * the text, the end-to-end CSP test reports the refusal.
 */
const CYTOSCAPE_STYLESHEET = '.__________cytoscape_container { position: relative; }';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * What the built app needs and nothing more: its own scripts and workers, its own stylesheets plus
 * Cytoscape's one rule, images it draws itself (entity icons are data: SVGs, exports are blobs), and
 * fetches of its own datasets.
 */
const CONTENT_SECURITY_POLICY: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'worker-src': "'self'",
  'style-src': `'self' ${sha256(CYTOSCAPE_STYLESHEET)}`,
  'img-src': "'self' data: blob:",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
};

const policyText = (policy: Readonly<Record<string, string>> = CONTENT_SECURITY_POLICY): string =>
  Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources}`)
    .join('; ');

export function cspPlugin(): Plugin {
  return {
    name: 'threadline-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: policyText() },
        injectTo: 'head-prepend',
      },
    ],
  };
}
