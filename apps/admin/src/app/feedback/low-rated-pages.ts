import type { LowRatedAnswer } from '@melvin/shared/contracts';

export const LOW_RATED_PAGE_SIZE = 20;

/**
 * The API pages backwards in time with `before` (the `ratedAt` of the last answer seen). One extra
 * answer is asked for, so the page knows whether an older page exists without a further request.
 */
export function lowRatedUrl(before: string | null, pageSize = LOW_RATED_PAGE_SIZE): string {
  const query = new URLSearchParams({ limit: String(pageSize + 1) });
  if (before) query.set('before', before);
  return `/api/admin/feedback/low-rated?${query}`;
}

export interface LowRatedPage {
  answers: LowRatedAnswer[];
  /** Cursor of the next (older) page, or null on the last one. */
  older: string | null;
}

export function toPage(answers: LowRatedAnswer[], pageSize = LOW_RATED_PAGE_SIZE): LowRatedPage {
  const shown = answers.slice(0, pageSize);
  return { answers: shown, older: answers.length > pageSize ? (shown.at(-1)?.ratedAt ?? null) : null };
}
