/**
 * The page inside a single-file embed: reads the data the explorer wrote into it and lets a reader pan,
 * click an edge to read its quotes with their status and source, and step through the story. Everything
 * from the data goes into the page as text (textContent), never as markup; the page fetches nothing.
 */
import cytoscape, { type Core, type EventObject } from 'cytoscape';
import type { EmbedData, EmbedQuote } from '../model/embed/embed-data';
import { ENTITY_LOOKS, iconDataUri, STATUS_LOOKS } from '../model/style/entity-style';

type Relation = EmbedData['relations'][number];

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { text?: string; className?: string } = {},
  ...children: Array<Node | null>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.text !== undefined) node.textContent = props.text;
  if (props.className) node.className = props.className;
  for (const c of children) if (c) node.append(c);
  return node;
}

function statusBadge(status: Relation['status'], explanation: string): HTMLElement {
  const look = STATUS_LOOKS[status];
  const badge = el('span', { text: look.label, className: 'badge' });
  badge.style.color = look.color;
  badge.style.borderColor = look.color;
  badge.title = explanation;
  return badge;
}

/** Only web links become links: a source's URL was checked when the dataset was, and is checked again. */
function safeLink(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

function quoteBlock(q: EmbedQuote): HTMLElement {
  const mark = el('mark', { text: q.exact });
  const context = el(
    'blockquote',
    {},
    document.createTextNode(q.before),
    mark,
    document.createTextNode(q.after),
  );
  const href = safeLink(q.source.url);
  const title: Node = href
    ? Object.assign(el('a', { text: q.source.title }), { href, rel: 'noopener noreferrer', target: '_blank' })
    : el('span', { text: q.source.title });
  const meta = [q.source.publisher, q.source.date].filter(Boolean).join(', ');
  const cite = el(
    'figcaption',
    {},
    q.speaker ? el('span', { text: `${q.speaker} · ` }) : null,
    title,
    meta ? el('span', { text: ` (${meta})` }) : null,
  );
  return el('figure', { className: 'quote' }, context, cite);
}

function main(): void {
  const raw = document.getElementById('threadline-data')?.textContent ?? '';
  const data = JSON.parse(raw) as EmbedData;
  if (data.format !== 'threadline-embed') throw new Error('not a Threadline embed');
  const explanation = new Map(data.statuses.map((s) => [s.status, s.explanation]));
  const entity = new Map(data.entities.map((e) => [e.id, e]));
  const relation = new Map(data.relations.map((r) => [r.id, r]));

  document.getElementById('title')!.textContent = data.title;
  document.getElementById('credit')!.textContent = data.credit;
  const panel = document.getElementById('panel')!;

  const showRelation = (r: Relation) => {
    const head = el('h2', { text: r.sentence });
    const status = el('p', {}, statusBadge(r.status, explanation.get(r.status) ?? ''));
    const quotes = r.quotes.map(quoteBlock);
    panel.replaceChildren(head, status, ...quotes, backToList());
    cy.elements().removeClass('on');
    cy.getElementById(r.id).addClass('on');
    head.tabIndex = -1;
    head.focus({ preventScroll: true });
  };
  const relationButton = (r: Relation) => {
    const b = el('button', { text: r.sentence, className: 'link' });
    b.type = 'button';
    b.addEventListener('click', () => showRelation(r));
    return el('li', {}, b);
  };
  const showList = () => {
    panel.replaceChildren(
      el('h2', { text: 'Relations' }),
      el('p', {
        text: 'Click an edge, or a relation below, to read the quotes it rests on.',
        className: 'muted',
      }),
      el('ul', { className: 'relations' }, ...data.relations.map(relationButton)),
    );
    cy.elements().removeClass('on');
  };
  const backToList = () => {
    const b = el('button', { text: '← All relations', className: 'link' });
    b.type = 'button';
    b.addEventListener('click', showList);
    return el('p', {}, b);
  };
  const showEntity = (id: string) => {
    const e = entity.get(id);
    if (!e) return;
    const own = data.relations.filter((r) => r.source === id || r.target === id);
    panel.replaceChildren(
      el('h2', { text: e.name }),
      el('p', { text: e.typeLabel, className: 'muted' }),
      el('p', { text: e.description }),
      el('ul', { className: 'relations' }, ...own.map(relationButton)),
      backToList(),
    );
  };

  const cy: Core = cytoscape({
    container: document.getElementById('graph'),
    elements: [
      ...data.entities.map((e) => ({
        group: 'nodes' as const,
        data: {
          id: e.id,
          label: e.name,
          color: ENTITY_LOOKS[e.base].color,
          shape: ENTITY_LOOKS[e.base].shape,
          icon: iconDataUri(e.base),
        },
        position: { x: e.x, y: e.y },
      })),
      ...data.relations.map((r) => ({
        group: 'edges' as const,
        data: {
          id: r.id,
          source: r.source,
          target: r.target,
          color: STATUS_LOOKS[r.status].color,
          line: STATUS_LOOKS[r.status].line,
          arrow: r.directed ? 'triangle' : 'none',
        },
      })),
    ],
    layout: { name: 'preset', fit: true, padding: 30 },
    minZoom: 0.1,
    maxZoom: 4,
    style: [
      {
        selector: 'node',
        style: {
          'background-color': 'data(color)',
          shape: 'data(shape)' as never,
          'background-image': 'data(icon)',
          'background-fit': 'contain',
          'background-clip': 'none',
          'background-width': '60%',
          'background-height': '60%',
          label: 'data(label)',
          'font-size': 10,
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'text-wrap': 'wrap',
          'text-max-width': '110px',
          width: 26,
          height: 26,
        },
      },
      {
        selector: 'edge',
        style: {
          width: 1.6,
          'line-color': 'data(color)',
          'line-style': 'data(line)' as never,
          'target-arrow-color': 'data(color)',
          'target-arrow-shape': 'data(arrow)' as never,
          'curve-style': 'bezier',
        },
      },
      { selector: 'edge.on', style: { width: 4 } },
      { selector: '.gone', style: { display: 'none' } },
    ],
  });
  cy.on('tap', 'edge', (e: EventObject) => {
    const r = relation.get(e.target.id());
    if (r) showRelation(r);
  });
  cy.on('tap', 'node', (e: EventObject) => showEntity(e.target.id()));
  // A phone turned or a window resized changes the drawing's box: fit what is shown to the new one, else
  // the reader sees a corner of the graph at its old scale.
  let refit = 0;
  window.addEventListener('resize', () => {
    cancelAnimationFrame(refit);
    refit = requestAnimationFrame(() => {
      cy.resize();
      cy.fit(cy.nodes(':visible'), 30);
    });
  });
  showList();
  // A story step moves nodes and then fits the view; a click placed while that runs lands on
  // whatever has moved under it, so checkers wait for the step to come to rest.
  let moving: Promise<void> = Promise.resolve();
  // For scripts that check an embed (the tests): where an edge is drawn on the page. Read-only.
  Object.defineProperty(window, 'threadlineEmbed', {
    value: Object.freeze({
      settled: (): Promise<void> => moving,
      edgePoint(id: string): { x: number; y: number } | null {
        const edge = cy.getElementById(id);
        if (edge.empty() || !edge.visible()) return null;
        const m = edge.renderedMidpoint();
        const box = cy.container()!.getBoundingClientRect();
        return { x: box.left + m.x, y: box.top + m.y };
      },
    }),
  });

  const story = data.story;
  const nav = document.getElementById('story')!;
  if (!story || story.steps.length === 0) {
    nav.remove();
    return;
  }
  let at = 0;
  const caption = el('p', { className: 'caption' });
  const progress = el('span', { className: 'muted' });
  const prev = el('button', { text: '← Previous' });
  const next = el('button', { text: 'Next →' });
  prev.type = next.type = 'button';
  // The first step is where the page opens, so it is placed at once; later steps glide.
  const play = (i: number, glide = true) => {
    const step = story.steps[i];
    if (!step) return;
    at = i;
    const shown = new Set(step.entities);
    cy.stop(true, true);
    cy.nodes().stop(true, true);
    cy.batch(() => cy.nodes().forEach((n) => void n.toggleClass('gone', !shown.has(n.id()))));
    const fit = { eles: cy.nodes(':visible'), padding: 30 };
    if (glide) {
      const moves = step.entities.flatMap((id, k) => {
        const p = step.positions[k];
        if (!p) return [];
        return [
          new Promise<void>((done) =>
            cy.getElementById(id).animate({ position: p }, { duration: 400, complete: () => done() }),
          ),
        ];
      });
      moving = Promise.all(moves).then(
        () => new Promise<void>((done) => cy.animate({ fit }, { duration: 250, complete: () => done() })),
      );
    } else {
      cy.batch(() =>
        step.entities.forEach((id, k) => {
          const p = step.positions[k];
          if (p) cy.getElementById(id).position(p);
        }),
      );
      cy.fit(fit.eles, fit.padding);
      moving = Promise.resolve();
    }
    caption.textContent = step.caption;
    progress.textContent = `${story.title ? `${story.title} · ` : ''}Step ${i + 1} of ${story.steps.length}`;
    prev.disabled = i === 0;
    next.disabled = i === story.steps.length - 1;
    if (step.selection?.kind === 'relation') {
      const r = relation.get(step.selection.id);
      if (r) showRelation(r);
    }
  };
  prev.addEventListener('click', () => play(at - 1));
  next.addEventListener('click', () => play(at + 1));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowRight') play(at + 1);
    else if (e.key === 'ArrowLeft') play(at - 1);
  });
  nav.replaceChildren(progress, caption, el('div', { className: 'nav' }, prev, next));
  play(0, false);
}

main();
