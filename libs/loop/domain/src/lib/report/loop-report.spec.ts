import { loopGraph, toDot, toLoopView, toMermaid } from './loop-report';

const twin = toLoopView({
  cards: ['Pestermite', 'Splinter Twin'],
  outcomes: ['infinite-tokens', 'infinite-etb'],
  manaColors: [],
  mandatory: false,
  requires: ['Splinter Twin attached to Pestermite'],
  steps: [
    { card: 'Splinter Twin', ability: '{T}: Create a token that\'s a copy of enchanted creature.', effect: 'create a hasty copy' },
    { card: 'Pestermite', ability: 'When Pestermite enters, you may tap or untap target permanent.', effect: 'untap the enchanted creature' },
  ],
  netPerIteration: { tokens: 1 },
});

describe('loop reports', () => {
  it('uses the snake_case field names of the JSON report', () => {
    expect(Object.keys(twin)).toEqual(['cards', 'outcomes', 'mana_colors', 'mandatory', 'requires', 'steps', 'net_per_iteration']);
  });

  it('draws each loop as a cycle of its steps, in Mermaid and DOT', () => {
    const graph = loopGraph([twin]);
    expect(graph.nodes.map((node) => node.label)).toEqual(['Splinter Twin', 'Pestermite']);
    expect(graph.edges).toHaveLength(2);
    const mermaid = toMermaid(graph);
    expect(mermaid).toMatch(/^flowchart LR/);
    expect(mermaid).toContain('c0 -->|"1.1 create a hasty copy"| c1');
    expect(mermaid).toContain('c1 -->|"1.2 untap the enchanted creature"| c0');
    const dot = toDot(graph);
    expect(dot).toMatch(/^digraph loops \{/);
    expect(dot).toContain('c0 -> c1 [label="1.1 create a hasty copy"];');
  });

  it('escapes quotes so card text cannot break the diagram syntax', () => {
    const graph = { nodes: [{ id: 'c0', label: 'A "quoted" name' }], edges: [] };
    expect(toMermaid(graph)).toContain('c0["A #quot;quoted#quot; name"]');
    expect(toDot(graph)).toContain('c0 [label="A \\"quoted\\" name"];');
  });
});
