import { splitSentences } from '../text/sentences';

const MAX_TITLE_LENGTH = 60;
export const UNTITLED = 'New conversation';

/** Greetings and addresses that add nothing to a title ("Hi Melvin, …", "Quick question: …"). */
const PREAMBLE = /^(?:(?:hi|hello|hey|hiya|yo|greetings|good (?:morning|afternoon|evening))\b[\s,!.:-]*(?:melvin|there|all|everyone)?[\s,!.:-]*|(?:quick|simple|rules?) question[\s,!.:-]*|melvin[\s,!.:-]+)+/i;

/**
 * A short title for a conversation from its first question: the first sentence, without
 * greetings, [[brackets]] or markdown, capitalised, at most 60 characters cut at a word boundary.
 */
export function titleFromQuestion(text: string): string {
  const plain = text
    .replace(/\[\[\s*([^[\]]+?)\s*\]\]/g, '$1')
    .replace(/[*_`#>]+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(PREAMBLE, '');
  const first = (splitSentences(plain)[0] ?? '').replace(/\.$/, '').trim();
  if (first === '') return UNTITLED;
  const capitalised = first[0].toUpperCase() + first.slice(1);
  return shorten(capitalised, MAX_TITLE_LENGTH);
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const boundary = cut.lastIndexOf(' ');
  return `${(boundary > max / 2 ? cut.slice(0, boundary) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}
