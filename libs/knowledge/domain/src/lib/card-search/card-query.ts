/** How a term compares the card's value with the query's; `:` is each field's natural reading. */
export type Comparison = ':' | '=' | '!=' | '<' | '<=' | '>' | '>=';

/** A colour set as letters W U B R G (empty for colourless), or "any two or more colours". */
export type ColourValue = string[] | 'multicolour';

export type NumericField = 'manaValue' | 'power' | 'toughness';

/** The parsed form of a card query: what `matchesCardQuery` evaluates and a UI may show back. */
export type CardQueryNode =
  | { kind: 'and'; children: CardQueryNode[] }
  | { kind: 'or'; children: CardQueryNode[] }
  | { kind: 'not'; child: CardQueryNode }
  /** A bare word or "quoted phrase" inside the name; `exact` for `!name`, the whole name or a face. */
  | { kind: 'name'; text: string; exact: boolean }
  /** Text in the rules text; `~` stands for the card's own name. */
  | { kind: 'oracle'; text: string }
  | { kind: 'type'; text: string }
  | { kind: 'keyword'; keyword: string }
  | { kind: 'colour'; field: 'colors' | 'colorIdentity'; comparison: Comparison; value: ColourValue }
  | { kind: 'number'; field: NumericField; comparison: Comparison; value: number | NumericField }
  | { kind: 'legality'; format: string; status: 'playable' | 'banned' }
  | { kind: 'is'; property: 'commander' }
  /** `include:extras`: let tokens, art cards and other non-game objects into the results. */
  | { kind: 'includeExtras' };
