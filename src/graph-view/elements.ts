/** Maps the visible subgraph to Cytoscape element definitions; pure, so it is tested without a browser. */
import type { ElementDefinition } from 'cytoscape';
import { corroborationOf, isContested } from '../model/core/claims';
import { baseTypeOf } from '../model/core/entity-types';
import type { Model } from '../model/core/model';
import { evidenceKey, quoteKey } from '../model/core/graphology-model';
import { bundleEdgeId, bundleLabel, type Drawing } from '../model/core/parallel-relations';
import { relationVerb, verbWithStatus } from '../model/core/relation-wording';
import type { Subgraph } from '../model/core/subgraph';

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * `more` counts, for nodes expanded only in part (a hub's top N, one relation type), the neighbours still
 * hidden: the canvas says "+N more" rather than capping silently.
 */
export function toElements(
  model: Model,
  subgraph: Subgraph,
  drawing: Drawing,
  showEvidence: boolean,
  more: ReadonlyMap<string, number> = new Map(),
): ElementDefinition[] {
  const out: ElementDefinition[] = [];
  for (const id of subgraph.entityIds) {
    const e = model.entities.get(id)!;
    const hidden = more.get(id) ?? 0;
    const label = hidden > 0 ? `${e.name}\n+${hidden} more` : e.name;
    // A declared type (a vessel) is drawn as its base type (an organization): the stylesheet knows eight.
    out.push({ group: 'nodes', data: { id, kind: 'entity', type: baseTypeOf(model, e.type), label } });
  }
  for (const r of drawing.single) {
    const type = model.relationTypes.get(r.type);
    const contested = isContested(model, r.id);
    const verb = verbWithStatus(relationVerb(type, r.type), r.status);
    out.push({
      group: 'edges',
      data: {
        id: r.id,
        source: r.source,
        target: r.target,
        kind: 'relation',
        type: r.type,
        status: r.status,
        // Independent sources: the line's width. At least one, so a quote-less moment draws a plain line.
        sources: Math.max(1, corroborationOf(model, r.id)),
        contested,
        // "bribed (denied)": a line style alone does not tell a reader that the relation is denied.
        label: contested ? `${verb} · contested` : verb,
        undirected: type ? !type.directed : false,
      },
    });
  }
  for (const g of drawing.bundles) {
    out.push({
      group: 'edges',
      data: {
        id: bundleEdgeId(g.pair),
        source: g.a,
        target: g.b,
        kind: 'bundle',
        pair: g.pair,
        count: g.relations.length,
        relationIds: g.relations.map((r) => r.id),
        label: bundleLabel(g.relations.length),
      },
    });
  }
  if (!showEvidence) return out;
  const quotes = new Set<string>();
  for (const r of subgraph.relations) {
    for (const qid of r.evidence) {
      const q = model.quotes.get(qid);
      if (!q) continue;
      if (!quotes.has(qid)) {
        quotes.add(qid);
        out.push({
          group: 'nodes',
          data: { id: quoteKey(qid), kind: 'quote', quoteId: qid, label: `“${clip(q.exact, 40)}”` },
        });
      }
      for (const end of new Set([r.source, r.target])) {
        out.push({
          group: 'edges',
          data: {
            id: evidenceKey(r.id, qid, end),
            source: quoteKey(qid),
            target: end,
            kind: 'evidence',
            relationId: r.id,
          },
        });
      }
    }
  }
  return out;
}
