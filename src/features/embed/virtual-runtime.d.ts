declare module 'virtual:threadline-embed-runtime' {
  /** The embed page's script, bundled (scripts/vite-embed-plugin.ts). */
  const runtime: string;
  export default runtime;
}
