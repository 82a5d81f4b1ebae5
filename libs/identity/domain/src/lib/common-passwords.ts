/**
 * Passwords that appear at the top of every breach list, plus Magic-flavoured favourites. The
 * policy rejects them even when they satisfy the character rules (after case folding).
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '123456', '123456789', '12345678', 'password', 'qwerty123', 'qwerty', '1234567890', '111111', '1234567', '123123',
  'abc123', 'password1', 'password123', 'password!', 'passw0rd', 'passw0rd!', 'p@ssw0rd', 'p@ssword1', 'p@ssw0rd1',
  'p@ssw0rd!', 'iloveyou', 'admin', 'admin123', 'admin@123', 'welcome', 'welcome1', 'welcome1!', 'welcome123', 'letmein',
  'letmein1!', 'monkey', 'dragon', 'football', 'baseball', 'sunshine', 'princess', 'qwertyuiop', 'trustno1', 'superman',
  'changeme', 'changeme1!', 'secret', 'secret123', 'summer2024!', 'summer2025!', 'winter2025!', 'spring2026!', 'autumn2026!',
  'qwerty1!', 'qwerty123!', 'zaq12wsx', '1q2w3e4r', '1q2w3e4r!', 'q1w2e3r4!', 'aa123456', 'abcd1234', 'abcd1234!', 'test1234',
  'test123!', 'hello123!', 'computer1!', 'master123', 'login123!', 'starwars1!', 'pokemon1!', 'mtgmtg1!', 'magic123!',
  'magic2024!', 'gathering1!', 'planeswalker1!', 'blacklotus1!', 'mox123!', 'islandgo1!', 'melvin123!', 'melvin2026!',
]);
