/** The engine's loop, as far as reports need it (structural, so reports do not depend on engine internals). */
export interface ReportableLoop {
  cards: string[];
  outcomes: string[];
  manaColors: string[];
  mandatory: boolean;
  requires: string[];
  steps: Array<{ card: string; ability: string; effect: string }>;
  netPerIteration: Record<string, number | string>;
}

export interface LoopView {
  cards: string[];
  outcomes: string[];
  mana_colors: string[];
  mandatory: boolean;
  requires: string[];
  steps: Array<{ card: string; ability: string; effect: string }>;
  net_per_iteration: Record<string, number | string>;
}

export interface OneCardAwayView {
  card: string;
  with: string[];
  outcomes: string[];
}

/** What `melvin loops --json` prints and what the API returns inside an analysis. */
export interface LoopReport {
  cards: string[];
  unknown_cards: Array<{ name: string; candidates: string[] }>;
  unparsed: Array<{ card: string; text: string }>;
  loops: LoopView[];
  one_card_away: OneCardAwayView[];
  /** True when the search stopped at its time or step budget: more loops may exist. */
  exhausted: boolean;
  took_ms: number;
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

/** The graph the web app draws: cards and the steps that lead from one to the next, per loop. */
export interface LoopGraph {
  nodes: Array<{ id: string; label: string }>;
  edges: Array<{ from: string; to: string; label: string; loop: number }>;
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
