/**
 * The page's Content-Security-Policy forbids eval. Without this, zod probes for it with Function('') as each
 * object schema is built and the browser reports a violation, before zod falls back to this same mode.
 * Imported first by main.tsx, because schemas are built when their modules load. Workers, which the page's
 * policy does not cover, keep zod's faster compiled parsers.
 */
import { z } from 'zod';

z.config({ jitless: true });
