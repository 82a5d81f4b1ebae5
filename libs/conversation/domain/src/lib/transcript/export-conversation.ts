import { parseCitations, type Citation } from '../citations/citation';
import { citationUrl } from '../citations/citation-links';
import type { AnswerMode, Transcript, TranscriptMessage } from './transcript';

/** Bumped when the JSON export changes shape, so importers can tell versions apart. */
export const TRANSCRIPT_EXPORT_VERSION = 1;

const MODE_NOTES: Record<AnswerMode, string> = {
  generated: '',
  extractive: ' (quoted from the sources, no generated answer)',
  refused: ' (declined: not a Magic question)',
};

/**
 * The conversation as Markdown. Citations stay in the text exactly as written (`[CR 702.19b]`)
 * and become links through reference definitions at the end, so the text reads the same in a
 * plain editor and links in a renderer; a References list shows every source once.
 */
export function exportConversationMarkdown(conversation: Transcript): string {
  const references = distinctCitations(conversation.messages);
  const lines = [`# ${conversation.title}`, '', `_Melvin conversation, started ${conversation.createdAt}_`];
  for (const message of conversation.messages) {
    lines.push('', `## ${speaker(message)}`, `_${message.createdAt}_`, '', message.content.trim());
  }
  if (references.length > 0) {
    lines.push('', '## References', '', ...references.map((c) => `- ${c.text.slice(1, -1)}: <${citationUrl(c)}>`));
    lines.push('', ...references.map((c) => `${c.text}: ${citationUrl(c)}`));
  }
  return lines.join('\n') + '\n';
}

/** The conversation as JSON, each citation resolved to a link a reader can follow. */
export function exportConversationJson(conversation: Transcript): string {
  const exported = {
    format: 'melvin-conversation',
    version: TRANSCRIPT_EXPORT_VERSION,
    title: conversation.title,
    createdAt: conversation.createdAt,
    messages: conversation.messages.map((message) => ({
      role: message.role,
      content: message.content,
      ...(message.mode ? { mode: message.mode } : {}),
      createdAt: message.createdAt,
      ...(message.flags?.length ? { flags: message.flags } : {}),
      citations: citationsOf(message).map(({ kind, target, date, text }) => ({
        kind,
        target,
        ...(date ? { date } : {}),
        text,
        url: citationUrl({ kind, target }),
      })),
    })),
  };
  return JSON.stringify(exported, null, 2);
}

function speaker(message: TranscriptMessage): string {
  if (message.role === 'user') return 'You';
  const flags = message.flags?.length ? ` [${message.flags.join(', ')}]` : '';
  return `Melvin${MODE_NOTES[message.mode ?? 'generated']}${flags}`;
}

/** A message's citations as stored, or read from its text when none were stored. */
function citationsOf(message: TranscriptMessage): Citation[] {
  return (message.citations ?? parseCitations(message.content)).filter((citation) => citation.target !== '');
}

/** Each citation once, by its written form, in order of first appearance. */
function distinctCitations(messages: readonly TranscriptMessage[]): Citation[] {
  const byLabel = new Map<string, Citation>();
  for (const citation of messages.flatMap((message) => parseCitations(message.content))) {
    // Markdown matches reference labels ignoring case and runs of spaces.
    const label = citation.text.toLowerCase().replace(/\s+/g, ' ');
    if (citation.target !== '' && !byLabel.has(label)) byLabel.set(label, citation);
  }
  return [...byLabel.values()];
}
