/** The types of the layer-walls lint rule (written in JavaScript so ESLint loads it without a build). */
import type { ESLint } from 'eslint';

declare const walls: ESLint.Plugin;
export default walls;
