/** Types for graphology-gexf's environment-free writer, imported directly so neither the browser nor Node loads a parser it does not need. */
declare module 'graphology-gexf/common/writer.js' {
  import type { Attributes, default as Graph } from 'graphology-types';
  import type { GexfWriterOptions } from 'graphology-gexf/common/types';

  function write<N extends Attributes, E extends Attributes>(
    graph: Graph<N, E>,
    options?: GexfWriterOptions<N, E>,
  ): string;
  export = write;
}
