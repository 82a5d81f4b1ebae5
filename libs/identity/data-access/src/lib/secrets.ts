import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A high-entropy secret for tokens handed to people (refresh, reset). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Token secrets are stored as SHA-256: they are random, so no slow hash is needed. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, expectedHash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), 'hex');
  const expected = Buffer.from(expectedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const UUID_ONLY = new RegExp(`^${UUID}$`, 'i');
const TOKEN = new RegExp(`^(${UUID})\\.([A-Za-z0-9_-]{20,100})$`, 'i');

/** Row ids are checked before any query: PostgreSQL rejects a malformed uuid with an error. */
export function isUuid(value: string): boolean {
  return UUID_ONLY.test(value);
}

/** `<row id>.<secret>`: the id finds the row without scanning, the secret proves possession. */
export function splitToken(token: string): { id: string; secret: string } | undefined {
  const match = TOKEN.exec(token);
  return match ? { id: match[1], secret: match[2] } : undefined;
}

const ALPHABETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!@#%^*-_=+?'];

/** A temporary password that satisfies the policy: 16 characters from every class, shuffled. */
export function temporaryPassword(): string {
  const all = ALPHABETS.join('');
  const characters = ALPHABETS.map((alphabet) => alphabet[randomInt(alphabet.length)]);
  while (characters.length < 16) characters.push(all[randomInt(all.length)]);
  for (let i = characters.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [characters[i], characters[j]] = [characters[j], characters[i]];
  }
  return characters.join('');
}
