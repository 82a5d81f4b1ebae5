import { MalformedRecordError } from './malformed-record-error';
import { toCardRuling } from './to-card-ruling';

const ruling = {
  object: 'ruling',
  oracle_id: '0004ebd0-dfd6-4276-b4a6-de0003e94237',
  source: 'wotc',
  published_at: '2004-10-04',
  comment: 'If there are two of these on the battlefield, they do not add together.',
};

describe('toCardRuling', () => {
  it('keeps the card, the source, the date and the text of a ruling', () => {
    expect(toCardRuling(ruling)).toEqual({
      oracleId: ruling.oracle_id,
      source: 'wotc',
      publishedAt: '2004-10-04',
      comment: ruling.comment,
    });
  });

  it.each([
    [{ ...ruling, oracle_id: undefined }, 'oracle_id is missing'],
    [{ ...ruling, comment: '  ' }, 'comment is empty'],
    [{ ...ruling, published_at: 'last spring' }, 'published_at must be a date written YYYY-MM-DD'],
    [{ ...ruling, object: 'card' }, 'object is "card", expected "ruling"'],
    ['a ruling', 'ruling must be an object (got string)'],
  ])('refuses %j: %s', (raw, message) => {
    expect(() => toCardRuling(raw)).toThrow(MalformedRecordError);
    expect(() => toCardRuling(raw)).toThrow(message);
  });
});
