import {
  exportConversationJson,
  exportConversationMarkdown,
  parseCitations,
  type AnswerMode,
  type Citation,
  type CitationKind,
  type Transcript,
  type TranscriptMessage,
} from '@melvin/conversation/domain';
import type { ConversationDetail, ConversationExport, ConversationExportFormat, ConversationMessage, StoredCitation } from '@melvin/shared/contracts';

const FORMATS: Record<ConversationExportFormat, { contentType: string; extension: string; write: (transcript: Transcript) => string }> = {
  markdown: { contentType: 'text/markdown; charset=utf-8', extension: 'md', write: exportConversationMarkdown },
  json: { contentType: 'application/json; charset=utf-8', extension: 'json', write: exportConversationJson },
};
/** Modes the export describes; a loop analysis reads as a plain answer there. */
const EXPORTED_MODES: readonly string[] = ['generated', 'extractive', 'refused'] satisfies AnswerMode[];
const WRITTEN_FORM: Record<CitationKind, (target: string) => string> = {
  rule: (target) => `[CR ${target}]`,
  card: (target) => `[Card: ${target}]`,
  ruling: (target) => `[Ruling: ${target}]`,
};

/** The conversation as a downloadable file, citations kept as references to their sources. */
export function exportConversation(conversation: ConversationDetail, format: ConversationExportFormat): ConversationExport {
  const { contentType, extension, write } = FORMATS[format];
  return { contentType, filename: `melvin-${fileSlug(conversation.title)}.${extension}`, body: write(toTranscript(conversation)) };
}

export function toTranscript(conversation: ConversationDetail): Transcript {
  return { title: conversation.title, createdAt: conversation.createdAt, messages: conversation.messages.map(toTranscriptMessage) };
}

function toTranscriptMessage(message: ConversationMessage): TranscriptMessage {
  // An answer that broke off or failed says so in the export, as the domain's flags do.
  const flags = message.status && message.status !== 'complete' && !message.flags.includes(message.status) ? [...message.flags, message.status] : message.flags;
  const citations = message.citations.flatMap((citation) => asCitation(citation, message.content));
  return {
    role: message.role,
    content: message.content,
    createdAt: message.createdAt,
    ...(message.mode && EXPORTED_MODES.includes(message.mode) ? { mode: message.mode as AnswerMode } : {}),
    ...(flags.length > 0 ? { flags } : {}),
    ...(citations.length > 0 ? { citations } : {}),
  };
}

/** A stored citation in the domain's form: its written label carries everything, a ruling's date too. */
function asCitation(stored: StoredCitation, content: string): Citation[] {
  const [parsed] = parseCitations(stored.label ?? '');
  if (parsed && parsed.target !== '') return [placed(parsed, content)];
  if (!(stored.kind in WRITTEN_FORM)) return [];
  const kind = stored.kind as CitationKind;
  return [placed({ kind, target: stored.target, text: WRITTEN_FORM[kind](stored.target), start: 0, end: 0 }, content)];
}

function placed(citation: Citation, content: string): Citation {
  const start = content.indexOf(citation.text);
  return { ...citation, start, end: start < 0 ? -1 : start + citation.text.length };
}

/** ASCII only, so the name survives any Content-Disposition header. */
function fileSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'conversation';
}
