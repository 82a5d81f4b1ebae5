import { expandQuestion } from './mtg-vocabulary';
import { weighQueryTerms } from './query-terms';
import { stem } from './stemmer';
import { analyze, tokenize } from './text-analysis';

describe('reading text the way the rules are searched', () => {
  it('makes the forms of one game word a single term', () => {
    expect(new Set(['attacks', 'attacked', 'attacking', 'attack'].map(stem))).toEqual(new Set([stem('attack')]));
    expect(new Set(['sacrifice', 'sacrificed', 'sacrifices', 'sacrificing'].map(stem)).size).toBe(1);
    expect(new Set(['tapped', 'tapping', 'taps', 'tap'].map(stem)).size).toBe(1);
    expect(stem('abilities')).toBe(stem('ability'));
    expect(stem('copies')).toBe(stem('copy'));
  });

  it('keeps game words apart that a blunter stemmer would merge', () => {
    expect(stem('counter')).not.toBe(stem('count'));
    expect(stem('power')).not.toBe(stem('pow'));
    expect(stem('loss')).toBe('loss');
  });

  it('drops question filler but keeps words the rules lean on, numbers and symbols', () => {
    expect(analyze('What would happen if my creature had 0 toughness?')).toEqual(['creatur', '0', 'toughness']);
    expect(analyze("can't, may, each, all, not")).toEqual(['cant', 'may', 'each', 'all', 'not']);
    expect(tokenize('{T}: Add {G}. Owner’s graveyard')).toEqual(['tap', 'add', 'g', 'owner', 'graveyard']);
  });

  it('adds the rules wording of player shorthand', () => {
    expect(expandQuestion('Does the ETB trigger?')).toMatch(/enters the battlefield/);
    expect(expandQuestion('CMC of X spells')).toMatch(/mana value/);
    expect(expandQuestion('If I sac it in response')).toMatch(/sacrifice[\s\S]*priority/);
    expect(expandQuestion('when it dies')).toMatch(/put into a graveyard from the battlefield/);
    expect(expandQuestion('blink it with Ephemerate')).toMatch(/exile/);
    expect(expandQuestion('SBA and APNAP')).toMatch(/state-based actions[\s\S]*active player nonactive player order/);
    expect(expandQuestion('How does trample work?')).toBe('How does trample work?');
  });

  it('weighs a term the asker repeats more, but less than linearly', () => {
    const terms = weighQueryTerms('Trample, trample, trample: does deathtouch matter?');
    expect(terms.get(stem('trample'))).toBeCloseTo(1 + Math.log(3));
    expect(terms.get(stem('deathtouch'))).toBe(1);
  });
});
