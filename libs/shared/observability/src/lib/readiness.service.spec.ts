import { ReadinessService } from './readiness.service';
import type { DependencyCheck } from './dependency-check';

const up = (name: string): DependencyCheck => ({ name, check: async () => undefined });
const failing = (name: string, message: string): DependencyCheck => ({
  name,
  check: async () => {
    throw new Error(message);
  },
});

describe('ReadinessService', () => {
  it('is up when every dependency answers', async () => {
    const report = await new ReadinessService({ name: 'auth', version: '1.2.3' }, [up('postgres'), up('redis')]).report();
    expect(report).toMatchObject({ service: 'auth', status: 'up', version: '1.2.3' });
    expect(report.dependencies.map((d) => [d.name, d.status])).toEqual([
      ['postgres', 'up'],
      ['redis', 'up'],
    ]);
  });

  it('is down when one dependency fails, and says which and why', async () => {
    const report = await new ReadinessService({ name: 'chat', version: 'dev' }, [up('postgres'), failing('mongodb', 'connection refused')]).report();
    expect(report.status).toBe('down');
    expect(report.dependencies[1]).toMatchObject({ name: 'mongodb', status: 'down', error: 'connection refused' });
  });

  it('does not wait forever for a dependency that hangs', async () => {
    jest.useFakeTimers();
    const hanging: DependencyCheck = { name: 'qdrant', check: () => new Promise(() => undefined) };
    const pending = new ReadinessService({ name: 'chat', version: 'dev' }, [hanging]).report();
    await jest.advanceTimersByTimeAsync(3_100);
    const report = await pending;
    jest.useRealTimers();
    expect(report.dependencies[0]).toMatchObject({ status: 'down', error: 'no answer within 3000 ms' });
  });
});
