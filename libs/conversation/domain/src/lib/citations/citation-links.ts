import type { Citation } from './citation';

/**
 * Yawgatog's hyperlinked Comprehensive Rules: one page that tracks the current edition, with an
 * anchor per rule made of "R" and the number without dots (702.19b → #R70219b). Judges have linked
 * to it for years, so the anchors are stable across editions as long as the number is.
 */
const RULES_PAGE = 'https://yawgatog.com/resources/magic-rules/';
/** Scryfall's exact-name search lands on the card's page, which lists its rulings too. */
const CARD_SEARCH = 'https://scryfall.com/search?q=';

/** Where a reader can check a citation; rulings open their card, where Scryfall lists them. */
export function citationUrl(citation: Pick<Citation, 'kind' | 'target'>): string {
  if (citation.kind === 'rule') return `${RULES_PAGE}#R${citation.target.replace(/\./g, '')}`;
  return CARD_SEARCH + encodeURIComponent(`!"${citation.target}"`);
}
