import type { ConversationMessage } from '@melvin/shared/contracts';

const FLAG_NOTES: Record<string, string> = {
  'no-valid-citation': 'No citation in this answer could be checked against Melvin’s sources. Verify it before relying on it.',
  'invalid-citations': 'Some citations could not be found in Melvin’s sources and are marked.',
};

/** Caveats to show with an answer: its mode, its status and its flags, in words. */
export function messageNotes(message: ConversationMessage): { label: string | null; caveats: string[] } {
  const label =
    message.mode === 'extractive'
      ? 'Sources, not a generated answer'
      : message.mode === 'refused'
        ? 'Melvin declined to answer'
        : message.mode === 'loop'
          ? 'Loop analysis'
          : null;
  const caveats = (message.flags ?? []).map((flag) => FLAG_NOTES[flag] ?? `Note: ${flag.replace(/[-_]/g, ' ')}`);
  if (message.status === 'partial') caveats.unshift('This answer broke off before it was finished.');
  if (message.status === 'failed') caveats.unshift('This answer failed.');
  return { label, caveats };
}
