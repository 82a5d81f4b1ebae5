import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConversationDetail, ConversationMessage, ConversationSummary } from '@melvin/shared/contracts';
import { buttonStyles, ErrorNotice, errorMessage, StatusNote } from '@melvin/web/ui';
import { useApi } from '../api-context';
import { AskForm } from './ask-form';
import { conversationsApi } from './conversations-api';
import { ExportButtons } from './export-buttons';
import { MessageItem } from './message-item';
import { SourcePanel, type SourceTarget } from './source-panel';
import { StreamingAnswer } from './streaming-answer';
import { useAnswerStream } from './use-answer-stream';
import { useDraft } from './use-draft';

interface ConversationViewProps {
  conversationId: string;
  /** A question or an answer was stored. */
  onActivity: () => void;
  onChanged: (summary: ConversationSummary) => void;
}

/** One conversation: its messages, the answer being streamed, the question box and the source panel. */
export function ConversationView({ conversationId, onActivity }: ConversationViewProps) {
  const api = useApi();
  const [detail, setDetail] = useState<ConversationDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [draft, setDraft] = useDraft(conversationId);
  const [source, setSource] = useState<SourceTarget | null>(null);
  const bottom = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    conversationsApi(api)
      .get(conversationId, controller.signal)
      .then(setDetail, (failure: unknown) => !controller.signal.aborted && setError(errorMessage(failure)));
    return () => controller.abort();
  }, [api, conversationId, attempt]);

  const addMessage = useCallback((message: ConversationMessage) => {
    setDetail((current) =>
      current && !current.messages.some((known) => known.id === message.id) ? { ...current, messages: [...current.messages, message] } : current,
    );
  }, []);

  const { state, ask, retry, dismiss } = useAnswerStream(conversationId, {
    onAccepted: (question, content) => {
      if (question) addMessage(question);
      // Cleared only now that the question is stored, and only if the user has not typed on.
      setDraft(draft.trim() === content ? '' : draft);
      onActivity();
    },
    onDone: (answer) => {
      addMessage(answer);
      onActivity();
    },
  });

  const replaceMessage = useCallback((message: ConversationMessage) => {
    setDetail((current) => (current ? { ...current, messages: current.messages.map((known) => (known.id === message.id ? message : known)) } : current));
  }, []);

  useEffect(() => {
    bottom.current?.scrollIntoView?.({ block: 'end' });
  }, [detail?.messages.length, state.text.length]);

  if (error) {
    return (
      <ErrorNotice title="Could not open this conversation." action={<button type="button" className={buttonStyles.secondary} onClick={() => setAttempt((n) => n + 1)}>Try again</button>}>
        {error}
      </ErrorNotice>
    );
  }
  if (!detail) return <StatusNote>Loading the conversation…</StatusNote>;

  const busy = state.phase === 'sending' || state.phase === 'streaming';
  return (
    <div className="flex h-full flex-col gap-4 lg:flex-row">
      <div className="flex min-w-0 flex-1 flex-col gap-3">
        <header className="flex flex-wrap items-center justify-between gap-2">
          <h1 className="truncate text-xl font-semibold" data-testid="conversation-heading">
            {detail.title}
          </h1>
          <ExportButtons conversationId={conversationId} />
        </header>
        <ol className="flex flex-col gap-3" aria-label="Messages" data-testid="messages">
          {detail.messages.map((message) => (
            <MessageItem key={message.id} message={message} onOpenSource={setSource} onChanged={replaceMessage} />
          ))}
        </ol>
        {detail.messages.length === 0 && state.phase === 'idle' && <p className="text-sm text-slate-500">No messages yet. Ask your first question below.</p>}
        {state.phase !== 'idle' && <StreamingAnswer state={state} onRetry={retry} onDismiss={dismiss} onOpenSource={setSource} />}
        <div ref={bottom} />
        <AskForm value={draft} onChange={setDraft} busy={busy} onAsk={(content) => ask(content)} />
      </div>
      {source && <SourcePanel target={source} onOpen={setSource} onClose={() => setSource(null)} />}
    </div>
  );
}
