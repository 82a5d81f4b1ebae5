import type { CardQueryNode } from './card-query';
import { CardQuerySyntaxError } from './card-query-syntax-error';
import { buildTerm } from './query-terms';
import { tokenizeCardQuery, type QueryToken } from './tokenize-card-query';

/**
 * Reads a card query in a subset of Scryfall's syntax: terms side by side must all hold, `or`
 * between them offers alternatives (it binds looser), `-` leaves a term out, parentheses group.
 * Throws CardQuerySyntaxError pointing at the token to fix.
 */
export function parseCardQuery(query: string): CardQueryNode {
  const parser = new QueryParser(tokenizeCardQuery(query));
  const node = parser.alternatives();
  parser.expectEnd();
  return node;
}

class QueryParser {
  private at = 0;

  constructor(private readonly tokens: readonly QueryToken[]) {}

  alternatives(): CardQueryNode {
    const children = [this.conjunction()];
    while (this.peek()?.type === 'or') {
      const or = this.next();
      if (this.endsGroup(this.peek())) throw syntaxError(`Nothing follows "${or.text}"`, or);
      children.push(this.conjunction());
    }
    return children.length === 1 ? children[0] : { kind: 'or', children };
  }

  expectEnd(): void {
    const extra = this.peek();
    if (extra) throw syntaxError('This ")" closes nothing', extra);
  }

  private conjunction(): CardQueryNode {
    const children: CardQueryNode[] = [];
    for (let token = this.peek(); !this.endsGroup(token); token = this.peek()) {
      if (token?.type === 'and') {
        this.next();
        if (children.length === 0 || this.endsGroup(this.peek())) {
          throw syntaxError(`"${token.text}" needs a term on each side`, token);
        }
        continue;
      }
      children.push(this.unary());
    }
    if (children.length === 0) {
      const token = this.peek();
      if (token?.type === 'or') throw syntaxError(`"${token.text}" needs a term before it`, token);
      if (this.at > 0 && token) throw syntaxError('These parentheses hold nothing', token);
    }
    return children.length === 1 ? children[0] : { kind: 'and', children };
  }

  private unary(): CardQueryNode {
    const token = this.next();
    switch (token.type) {
      case 'not':
        return { kind: 'not', child: this.unary() };
      case 'open': {
        const inner = this.alternatives();
        if (this.peek()?.type !== 'close') throw syntaxError('This "(" is never closed', token);
        this.next();
        return inner;
      }
      case 'term':
        return buildTerm(token);
      case 'word':
        return { kind: 'name', text: token.value, exact: token.exact };
      default:
        throw syntaxError(`Unexpected "${token.text}"`, token);
    }
  }

  private endsGroup(token: QueryToken | undefined): boolean {
    return !token || token.type === 'close' || token.type === 'or';
  }

  private peek(): QueryToken | undefined {
    return this.tokens[this.at];
  }

  private next(): QueryToken {
    const token = this.tokens[this.at++];
    if (!token) {
      const last = this.tokens[this.tokens.length - 1];
      throw syntaxError(`Nothing follows "${last.text}"`, last);
    }
    return token;
  }
}

function syntaxError(message: string, token: QueryToken): CardQuerySyntaxError {
  return new CardQuerySyntaxError(message, token.position, token.text);
}
