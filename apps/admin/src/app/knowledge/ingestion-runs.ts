import type { IngestionRunView } from '@melvin/shared/contracts';
import { formatCount } from '../layout/format';

export const INGESTION_RUNS_URL = '/api/ingestion/runs?limit=50';

/** What a Comprehensive Rules run records when it replaced an earlier edition (lists are capped by the worker). */
export interface EditionChanges {
  from: string | null;
  to: string | null;
  added: number;
  removed: number;
  changed: number;
  addedRules: string[];
  removedRules: string[];
  changedRules: string[];
}

/**
 * Reads a run's `changes` (typed `unknown` on the wire, since only CR runs have them) defensively:
 * null unless it has the three counts, so an older or newer worker never breaks the page.
 */
export function editionChanges(changes: IngestionRunView['changes']): EditionChanges | null {
  if (!changes) return null;
  const count = (key: string) => (typeof changes[key] === 'number' ? (changes[key] as number) : null);
  const list = (key: string) => (Array.isArray(changes[key]) ? (changes[key] as unknown[]).filter((item): item is string => typeof item === 'string') : []);
  const text = (key: string) => (typeof changes[key] === 'string' ? (changes[key] as string) : null);
  const [added, removed, changed] = [count('added'), count('removed'), count('changed')];
  if (added === null || removed === null || changed === null) return null;
  return {
    from: text('from'),
    to: text('to'),
    added,
    removed,
    changed,
    addedRules: list('addedRules'),
    removedRules: list('removedRules'),
    changedRules: list('changedRules'),
  };
}

/** `rules 3,012 · glossary 245`, in the worker's order. */
export function describeCounts(counts: IngestionRunView['counts']): string {
  const entries = Object.entries(counts);
  return entries.length ? entries.map(([name, value]) => `${name} ${formatCount(value)}`).join(' · ') : '—';
}

/** One line saying how a new CR edition differs from the one it replaced. */
export function summariseChanges(changes: EditionChanges): string {
  const span = changes.from || changes.to ? ` (${changes.from ?? '?'} → ${changes.to ?? '?'})` : '';
  return `${changes.added} added, ${changes.removed} removed, ${changes.changed} changed${span}`;
}
