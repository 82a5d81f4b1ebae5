import { worstStatus } from './health';

describe('worstStatus', () => {
  it('is up only when everything is up', () => {
    expect(worstStatus(['up', 'up'])).toBe('up');
    expect(worstStatus([])).toBe('up');
  });

  it('ranks an unreachable service worse than one that is down', () => {
    expect(worstStatus(['up', 'down'])).toBe('down');
    expect(worstStatus(['down', 'unreachable', 'up'])).toBe('unreachable');
  });
});
