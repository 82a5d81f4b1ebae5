import { Writable } from 'node:stream';
import { transports } from 'winston';
import { runWithCorrelationId, acceptOrCreateCorrelationId } from './correlation';
import { createServiceLogger } from './logger';

function captureLines(service: string): { lines: Array<Record<string, unknown>>; logger: ReturnType<typeof createServiceLogger> } {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createServiceLogger(service, 'info');
  logger.clear();
  logger.add(
    new transports.Stream({
      stream: new Writable({
        write(chunk, _encoding, done) {
          lines.push(JSON.parse(String(chunk)));
          done();
        },
      }),
    }),
  );
  return { lines, logger };
}

describe('service logger', () => {
  it('writes JSON with time, level, service and message', () => {
    const { lines, logger } = captureLines('auth');
    logger.info('hello', { extra: 1 });
    expect(lines[0]).toMatchObject({ level: 'info', service: 'auth', message: 'hello', extra: 1, time: expect.any(String) });
    expect(lines[0]).not.toHaveProperty('correlationId');
  });

  it('adds the correlation id of the work in progress', async () => {
    const { lines, logger } = captureLines('chat');
    await runWithCorrelationId('req-7', async () => {
      await Promise.resolve();
      logger.warn('inside');
    });
    expect(lines[0]).toMatchObject({ correlationId: 'req-7', message: 'inside' });
  });
});

describe('acceptOrCreateCorrelationId', () => {
  it('keeps a well-formed id and replaces anything else', () => {
    expect(acceptOrCreateCorrelationId('abc-123')).toBe('abc-123');
    expect(acceptOrCreateCorrelationId('has spaces')).toMatch(/^[0-9a-f-]{36}$/);
    expect(acceptOrCreateCorrelationId('x'.repeat(200))).toMatch(/^[0-9a-f-]{36}$/);
    expect(acceptOrCreateCorrelationId(undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
