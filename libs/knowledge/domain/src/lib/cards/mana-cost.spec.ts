import { manaValueOf, parseManaCost } from './mana-cost';

describe('parseManaCost', () => {
  it.each([
    ['{2}{W}{U}', ['{2}', '{W}', '{U}']],
    ['{X}{R/P}{2/G}{G/U}', ['{X}', '{R/P}', '{2/G}', '{G/U}']],
    ['{1}{U} // {2}{B}', ['{1}', '{U}', '{2}', '{B}']],
    ['', []],
  ])('reads %j as its symbols', (cost, symbols) => {
    expect(parseManaCost(cost)).toEqual(symbols);
  });
});

describe('manaValueOf', () => {
  it.each([
    ['{3}{U}{U}', 5],
    ['{X}{X}{G}', 1],
    ['{2/W}{2/W}{2/W}', 6],
    ['{W/P}{B/G}', 2],
    ['{HW}', 0.5],
    ['{1000000}', 1000000],
    ['', 0],
  ])('counts %j as %d', (cost, value) => {
    expect(manaValueOf(cost)).toBe(value);
  });
});
