/**
 * How players talk versus how the Comprehensive Rules are worded. Each entry maps shorthand or slang
 * (matched case-insensitively on whole words) to the rules' own wording, which is added to the query
 * next to what the player wrote.
 */
const PLAYER_WORDING: ReadonlyArray<readonly [RegExp, string]> = [
  [/\betb(?:s|'?d|'?ed|'?ing)?\b/, 'enters the battlefield'],
  [/\bltb(?:s|'?d|'?ing)?\b/, 'leaves the battlefield'],
  [/\b(?:cmc|mv|converted mana costs?)\b/, 'mana value'],
  [/\b(?:dies|died|die|dying)\b/, 'dies put into a graveyard from the battlefield'],
  [/\b(?:blink|flicker)(?:s|ed|ing)?\b/, 'exile then return it to the battlefield'],
  [/\bsac(?:s|'?d|'?ed|cing|cs)?\b/, 'sacrifice'],
  [/\bp\/t\b/, 'power toughness'],
  [/\b(?:pw|pws)\b/, 'planeswalker'],
  [/\bsbas?\b/, 'state-based actions'],
  [/\bapnap\b/, 'active player nonactive player order'],
  [/\beot\b/, 'end of turn'],
  [/\bcdas?\b/, 'characteristic-defining ability'],
  [/\blki\b/, 'last known information'],
  [/\bm?dfcs?\b/, 'double-faced card'],
  [/\bsummoning[- ]sick(?:ness)?\b/, 'control continuously since their most recent turn began'],
  [/\bfizzl(?:e|es|ed|ing)\b/, 'doesn’t resolve illegal targets'],
  [/\bedh\b/, 'commander'],
  [/\b(?:gy|yard)\b/, 'graveyard'],
  [/\bbounc(?:e|es|ed|ing)\b/, 'return to its owner’s hand'],
  [/\btutor(?:s|ed|ing)?\b/, 'search your library'],
  [/\b(?:board ?wipes?|wraths?)\b/, 'destroy all creatures'],
  [/\bunblockable\b/, 'can’t be blocked'],
  [/\b(?:swing|swings|swinging|swung)\b/, 'attack'],
  [/\bin response\b/, 'priority stack'],
  [/\blegend rule\b/, 'legendary permanents same name state-based action'],
  [/\bpro(?:tection)?[- ](?:white|blue|black|red|green|colou?rs?|everything)\b/, 'protection'],
  [/\bopps?\b/, 'opponent'],
  [/\bhand ?size\b/, 'maximum hand size'],
  [/\bland drops?\b/, 'play a land'],
  [/\bindestructable\b/, 'indestructible'],
  [/\b(?:kill|kills|killed|killing)\b/, 'destroy dies'],
  // "zero toughness", "0 life", "0 loyalty": the state-based actions word it "0 or less".
  [/\b(?:0|zero) (?:toughness|life|loyalty)\b/, '0 or less state-based actions'],
];

/** The question followed by the rules' wording of any MTG shorthand it uses. */
export function expandQuestion(question: string): string {
  const lower = question.toLowerCase();
  const additions = PLAYER_WORDING.filter(([writtenAs]) => writtenAs.test(lower)).map(([, means]) => means);
  return additions.length ? `${question}\n${additions.join('\n')}` : question;
}
