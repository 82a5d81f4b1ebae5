import { loopsOf, outcomesOf } from '../../test-support/loops';
import { loadCards } from '../../test-support/oracle-cards';
import { parseCardAbilities } from '../parser/parse-card';
import { worthSearching } from '../pool/card-pool';


describe('damage dealt to a creature that answers with damage', () => {
  it('Stuffy Doll + Guilty Conscience report infinite damage, with no outside help', () => {
    const [loop] = loopsOf('Stuffy Doll', 'Guilty Conscience');
    expect(loop.outcomes).toContain('infinite-damage');
    expect(loop.requires).toContain('Guilty Conscience attached to Stuffy Doll');
    expect(loop.requires.some((r) => r.startsWith('an initial damage'))).toBe(false);
  });

  it('Brash Taunter + Guilty Conscience report infinite damage, started by Taunter attacking rather than outside help', () => {
    const [loop] = loopsOf('Brash Taunter', 'Guilty Conscience');
    expect(loop.outcomes).toContain('infinite-damage');
    expect(loop.requires.some((r) => r.startsWith('an initial damage'))).toBe(false);
  });

  it('Stuffy Doll alone reports no loop', () => {
    expect(loopsOf('Stuffy Doll')).toEqual([]);
  });

  it.each([
    ['Shielded by Faith', 'Felidar Umbra'],
    ['Boros Charm', 'Daybreak Coronet'],
    ['Indestructibility', 'Hopeful Eidolon'],
    ['Avacyn, Angel of Hope', 'Mark of the Vampire'],
    ['Eldrazi Monument', 'Lifelink'],
    ['Gift of Doom', 'Steel of the Godhead'],
  ])('Boros Reckoner + %s + %s report infinite life, all three cards used', (indestructible, lifelink) => {
    const loops = loopsOf('Boros Reckoner', indestructible, lifelink);
    const loop = loops.find((l) => l.outcomes.includes('infinite-lifegain'));
    expect(loop?.cards.sort()).toEqual(['Boros Reckoner', indestructible, lifelink].sort());
  });

  it.each([['Felidar Umbra'], ['Mark of the Vampire'], ['Shielded by Faith']])('Boros Reckoner + %s alone report no loop (damage kills it, or gains nothing)', (other) => {
    expect(loopsOf('Boros Reckoner', other)).toEqual([]);
  });

  it('Spitemare + Shielded by Faith + Felidar Umbra report infinite life, as Boros Reckoner does', () => {
    expect(outcomesOf('Spitemare', 'Shielded by Faith', 'Felidar Umbra')).toContain('infinite-lifegain');
  });

  it('Screaming Nemesis cannot damage itself ("any other target"), so with the same Auras it reports no loop', () => {
    expect(loopsOf('Screaming Nemesis', 'Shielded by Faith', 'Felidar Umbra')).toEqual([]);
  });

  it('a lifelink Aura gains life for Stuffy Doll + Guilty Conscience, one that needs a white creature does not', () => {
    expect(outcomesOf('Stuffy Doll', 'Guilty Conscience', 'Felidar Umbra')).toContain('infinite-lifegain');
    expect(outcomesOf('Stuffy Doll', 'Guilty Conscience', 'Steel of the Godhead')).not.toContain('infinite-lifegain');
  });
});

describe('triggers a player gets until end of turn', () => {
  it('Exquisite Blood + Vizkopa Guildmage report infinite lifegain and lifeloss after a first life gain', () => {
    const [loop] = loopsOf('Exquisite Blood', 'Vizkopa Guildmage');
    expect(loop.outcomes).toEqual(expect.arrayContaining(['infinite-lifegain', 'infinite-lifeloss']));
    expect(loop.requires).toContain('an initial life gain');
  });

  it('Vizkopa Guildmage alone reports no loop', () => {
    expect(loopsOf('Vizkopa Guildmage')).toEqual([]);
  });

  it('reads "whenever ... this turn" as a trigger for the turn, not as an immediate effect', () => {
    const [card] = loadCards('Vizkopa Guildmage');
    const parsed = parseCardAbilities(card);
    const granted = parsed.abilities.flatMap((a) => ('effects' in a ? a.effects : [])).find((e) => e.kind === 'turnTrigger');
    expect(granted).toMatchObject({ ability: { trigger: { event: 'gainLife' }, effects: [{ kind: 'loseLife', amount: 'event' }] } });
  });
});

describe("cards put into an opponent's graveyard", () => {
  it('Duskmantle Guildmage + Mindcrank report infinite mill and lifeloss', () => {
    expect(outcomesOf('Duskmantle Guildmage', 'Mindcrank')).toEqual(expect.arrayContaining(['infinite-mill', 'infinite-lifeloss']));
  });

  it('Bloodchief Ascension + Mindcrank need the quest counters, and say so', () => {
    const [loop] = loopsOf('Bloodchief Ascension', 'Mindcrank');
    expect(loop.outcomes).toEqual(expect.arrayContaining(['infinite-mill', 'infinite-lifeloss']));
    expect(loop.requires).toContain('Bloodchief Ascension with 3 quest counters');
  });

  it('Mindcrank alone reports no loop', () => {
    expect(loopsOf('Mindcrank')).toEqual([]);
  });
});

describe('deck analysis keeps these card sets', () => {
  it.each([
    ['Boros Reckoner', 'Shielded by Faith', 'Felidar Umbra'],
    ['Boros Reckoner', 'Boros Charm', 'Lifelink'],
    ['Stuffy Doll', 'Guilty Conscience'],
    ['Exquisite Blood', 'Vizkopa Guildmage'],
    ['Bloodchief Ascension', 'Mindcrank'],
  ])('%s + %s (+ %s) is worth searching', (...names) => {
    expect(worthSearching(loadCards(...names.filter(Boolean)))).toBe(true);
  });
});
