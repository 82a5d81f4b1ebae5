import { redisConnectionOptions } from './redis-url';

describe('redisConnectionOptions', () => {
  it('splits a URL with credentials and database number', () => {
    expect(redisConnectionOptions('redis://melvin:p%40ss@cache:6380/3')).toEqual({
      host: 'cache',
      port: 6380,
      db: 3,
      username: 'melvin',
      password: 'p@ss',
    });
  });

  it('defaults the port and database and turns on TLS for rediss', () => {
    expect(redisConnectionOptions('rediss://cache')).toEqual({ host: 'cache', port: 6379, db: 0, tls: {} });
  });
});
