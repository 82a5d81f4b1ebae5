import type { LoopGraph, LoopReport, LoopView, OneCardAwayView } from '@melvin/shared/contracts';

// The report's wire types live in the shared contracts; re-exported for this lib's importers.
export type { LoopGraph, LoopReport, LoopView, OneCardAwayView };

/**
 * The engine's loop, as far as reports need it (structural, so reports do not depend on engine
 * internals): a `LoopView` with the engine's camelCase names.
 */
export interface ReportableLoop extends Omit<LoopView, 'mana_colors' | 'net_per_iteration'> {
  manaColors: LoopView['mana_colors'];
  netPerIteration: LoopView['net_per_iteration'];
}

export function toLoopView(loop: ReportableLoop): LoopView {
  return {
    cards: loop.cards,
    outcomes: loop.outcomes,
    mana_colors: loop.manaColors,
    mandatory: loop.mandatory,
    requires: loop.requires,
    steps: loop.steps.map(({ card, ability, effect }) => ({ card, ability, effect })),
    net_per_iteration: loop.netPerIteration,
  };
}

export function loopGraph(loops: LoopView[]): LoopGraph {
  const ids = new Map<string, string>();
  const idOf = (card: string) => {
    if (!ids.has(card)) ids.set(card, `c${ids.size}`);
    return ids.get(card) as string;
  };
  const edges: LoopGraph['edges'] = [];
  loops.forEach((loop, loopIndex) => {
    loop.steps.forEach((step, stepIndex) => {
      const next = loop.steps[(stepIndex + 1) % loop.steps.length];
      edges.push({ from: idOf(step.card), to: idOf(next.card), label: `${loopIndex + 1}.${stepIndex + 1} ${step.effect}`, loop: loopIndex + 1 });
    });
    loop.cards.forEach(idOf);
  });
  return { nodes: [...ids].map(([label, id]) => ({ id, label })), edges };
}

const quoteMermaid = (text: string) => `"${text.replace(/"/g, '#quot;').slice(0, 120)}"`;
const quoteDot = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').slice(0, 120)}"`;

export function toMermaid(graph: LoopGraph): string {
  const lines = ['flowchart LR'];
  for (const node of graph.nodes) lines.push(`  ${node.id}[${quoteMermaid(node.label)}]`);
  for (const edge of graph.edges) lines.push(`  ${edge.from} -->|${quoteMermaid(edge.label)}| ${edge.to}`);
  return `${lines.join('\n')}\n`;
}

export function toDot(graph: LoopGraph): string {
  const lines = ['digraph loops {', '  rankdir=LR;', '  node [shape=box];'];
  for (const node of graph.nodes) lines.push(`  ${node.id} [label=${quoteDot(node.label)}];`);
  for (const edge of graph.edges) lines.push(`  ${edge.from} -> ${edge.to} [label=${quoteDot(edge.label)}];`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
