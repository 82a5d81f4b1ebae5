import { CardQuerySyntaxError } from './card-query-syntax-error';
import { parseCardQuery } from './parse-card-query';

describe('parseCardQuery', () => {
  it('reads bare words and quoted phrases as parts of the name, "!" as the whole name', () => {
    expect(parseCardQuery('bolt')).toEqual({ kind: 'name', text: 'bolt', exact: false });
    expect(parseCardQuery('"lightning bolt"')).toEqual({ kind: 'name', text: 'lightning bolt', exact: false });
    expect(parseCardQuery('!"Fire // Ice"')).toEqual({ kind: 'name', text: 'Fire // Ice', exact: true });
  });

  it('joins terms side by side with AND, and binds OR looser', () => {
    expect(parseCardQuery('t:goblin or t:elf c:g')).toEqual({
      kind: 'or',
      children: [
        { kind: 'type', text: 'goblin' },
        {
          kind: 'and',
          children: [
            { kind: 'type', text: 'elf' },
            { kind: 'colour', field: 'colors', comparison: ':', value: ['G'] },
          ],
        },
      ],
    });
    expect(parseCardQuery('t:goblin OR t:elf')).toEqual(parseCardQuery('t:goblin or t:elf'));
    expect(parseCardQuery('t:goblin and t:elf')).toEqual(parseCardQuery('t:goblin t:elf'));
  });

  it('groups with parentheses and negates terms and groups', () => {
    expect(parseCardQuery('-(t:goblin or t:elf) -c:r')).toEqual({
      kind: 'and',
      children: [
        { kind: 'not', child: { kind: 'or', children: [{ kind: 'type', text: 'goblin' }, { kind: 'type', text: 'elf' }] } },
        { kind: 'not', child: { kind: 'colour', field: 'colors', comparison: ':', value: ['R'] } },
      ],
    });
  });

  it.each([
    ['c:rg', { kind: 'colour', field: 'colors', comparison: ':', value: ['R', 'G'] }],
    ['id<=esper', { kind: 'colour', field: 'colorIdentity', comparison: '<=', value: ['W', 'U', 'B'] }],
    ['identity!=gruul', { kind: 'colour', field: 'colorIdentity', comparison: '!=', value: ['R', 'G'] }],
    ['color>=Jeskai', { kind: 'colour', field: 'colors', comparison: '>=', value: ['W', 'U', 'R'] }],
    ['c:m', { kind: 'colour', field: 'colors', comparison: ':', value: 'multicolour' }],
    ['c:colorless', { kind: 'colour', field: 'colors', comparison: ':', value: [] }],
    ['mv>=3', { kind: 'number', field: 'manaValue', comparison: '>=', value: 3 }],
    ['cmc=0', { kind: 'number', field: 'manaValue', comparison: '=', value: 0 }],
    ['pow>tou', { kind: 'number', field: 'power', comparison: '>', value: 'toughness' }],
    ['o:"draw a card"', { kind: 'oracle', text: 'draw a card' }],
    ['kw:"first strike"', { kind: 'keyword', keyword: 'first strike' }],
    ['f:edh', { kind: 'legality', format: 'commander', status: 'playable' }],
    ['banned:modern', { kind: 'legality', format: 'modern', status: 'banned' }],
    ['is:commander', { kind: 'is', property: 'commander' }],
  ])('reads %p', (query, node) => {
    expect(parseCardQuery(query)).toEqual(node);
  });

  it('treats an empty query as matching everything', () => {
    expect(parseCardQuery('  ')).toEqual({ kind: 'and', children: [] });
  });

  it.each([
    ['foo:bar', /unknown keyword "foo"/i, 0, 'foo'],
    ['t:elf (c:g or c:u', /never closed/, 6, '('],
    ['o:"draw a card', /never closed/, 2, '"'],
    ['t:elf )', /closes nothing/, 6, ')'],
    ['mv>=abc', /not a number/, 4, 'abc'],
    ['pow<tall', /not a number/, 4, 'tall'],
    ['c:purple', /not a colour/, 2, 'purple'],
    ['c>=m', /multicolour/i, 3, 'm'],
    ['f:modrn', /unknown format/i, 2, 'modrn'],
    ['is:legend', /commander/, 3, 'legend'],
    ['t>=elf', /cannot be compared/, 1, '>='],
    ['bolt or', /nothing follows/i, 5, 'or'],
    ['or bolt', /before it/, 0, 'or'],
    ['bolt and', /each side/, 5, 'and'],
    ['()', /hold nothing/, 1, ')'],
    ['- bolt', /leave out/, 0, '-'],
    ['mv>=', /needs a value/, 0, 'mv>='],
    ['""', /nothing to search/, 0, '""'],
  ])('rejects %p, pointing at the offending token', (query, message, position, token) => {
    let error: unknown;
    try {
      parseCardQuery(query);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(CardQuerySyntaxError);
    expect(error).toMatchObject({ message: expect.stringMatching(message), position, token });
    expect(query.slice(position, position + token.length)).toBe(token);
  });
});
