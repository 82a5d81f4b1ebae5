import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ConversationDetail, ConversationMessage } from '@melvin/shared/contracts';
import { ApiClient, SessionStore } from '@melvin/web/ui';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../api-context';
import { ConversationView } from './conversation-view';

const ID = '11111111-2222-4333-8444-555555555555';
const detail: ConversationDetail = { id: ID, title: 'Twin', archived: false, messageCount: 0, lastPreview: null, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', messages: [] };

function message(id: string, role: 'user' | 'assistant', content: string, extra: Partial<ConversationMessage> = {}): ConversationMessage {
  return { id, conversationId: ID, seq: 1, role, content, createdAt: '2026-01-01T00:00:00Z', citations: [], invalidCitations: [], flags: [], retrieval: [], ...extra };
}

function sse(events: object[]): Response {
  const text = events.map((event) => `event: ${(event as { type: string }).type}\ndata: ${JSON.stringify(event)}\n\n`).join(': waiting\n\n');
  return new Response(text, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

const fetchMock = vi.fn<typeof fetch>();

function renderView() {
  const store = new SessionStore('test', undefined);
  store.set({ accessToken: 'a', refreshToken: 'r', expiresIn: 900, user: { id: ID, username: 'u', role: 'user', status: 'active', note: null, decisionReason: null, mustChangePassword: false, createdAt: '', decidedAt: null } });
  return render(
    <ApiProvider client={new ApiClient(store)}>
      <ConversationView conversationId={ID} onActivity={() => undefined} onChanged={() => undefined} />
    </ApiProvider>,
  );
}

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
  sessionStorage.clear();
});
afterEach(() => {
  cleanup();
  fetchMock.mockReset();
  vi.unstubAllGlobals();
});

async function ask(text: string) {
  const box = await screen.findByLabelText('Your question');
  fireEvent.change(box, { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Ask' }));
  return box as HTMLTextAreaElement;
}

describe('ConversationView', () => {
  it('streams an answer, then shows the stored one with its citations as chips', async () => {
    fetchMock.mockResolvedValueOnce(Response.json(detail)).mockResolvedValueOnce(
      sse([
        { type: 'accepted', userMessage: message('a'.repeat(24), 'user', 'Does it untap?') },
        { type: 'queued', position: 2 },
        { type: 'retrieval', sources: [{ kind: 'rule', ref: '702.19b' }], cards: ['Pestermite'], ambiguous: [] },
        { type: 'token', text: 'Wrong start' },
        { type: 'reset', reason: 'stricter prompt' },
        { type: 'token', text: 'Yes [CR 702.19b]' },
        { type: 'done', message: message('b'.repeat(24), 'assistant', 'Yes, it untaps [CR 702.19b] [Card: Pestermite].', { mode: 'extractive', flags: ['no-valid-citation'] }) },
      ]),
    );
    renderView();
    const box = await ask('Does it untap?');

    await screen.findByText(/Sources, not a generated answer/);
    expect(box.value).toBe('');
    expect(screen.queryByTestId('streaming-answer')).toBeNull();
    const chips = screen.getAllByTestId('citation-chip');
    // Inline in the text and once more in the "Cited" row.
    expect(chips.map((chip) => chip.textContent)).toEqual(['CR 702.19b', 'Card: Pestermite', 'CR 702.19b', 'Card: Pestermite']);
    expect(screen.getByText(/could be checked against Melvin’s sources/)).toBeTruthy();
    const [, request] = fetchMock.mock.calls[1];
    expect(new Headers(request?.headers).get('accept')).toBe('text/event-stream');
  });

  it('keeps the typed question when the answer fails, and retries with the failed answer id', async () => {
    fetchMock
      .mockResolvedValueOnce(Response.json(detail))
      .mockResolvedValueOnce(sse([{ type: 'error', code: 'MODEL_UNAVAILABLE', message: 'The model is not answering', partial: message('c'.repeat(24), 'assistant', 'Partly') }]))
      .mockResolvedValueOnce(sse([{ type: 'done', message: message('d'.repeat(24), 'assistant', 'Now complete.') }]));
    renderView();
    const box = await ask('Does it untap?');

    await screen.findByText('The model is not answering');
    expect(box.value).toBe('Does it untap?');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));

    await screen.findByText('Now complete.');
    expect(JSON.parse(String(fetchMock.mock.calls[2][1]?.body))).toEqual({ content: 'Does it untap?', retryOf: 'c'.repeat(24) });
  });

  it('keeps the typed question when the request is refused before streaming', async () => {
    fetchMock.mockResolvedValueOnce(Response.json(detail)).mockResolvedValueOnce(Response.json({ code: 'VALIDATION_FAILED', message: 'content is too long' }, { status: 400 }));
    renderView();
    const box = await ask('Why?');
    await screen.findByText('content is too long');
    await waitFor(() => expect(box.value).toBe('Why?'));
  });

  it('opens a cited rule in the side panel', async () => {
    const answered = { ...detail, messages: [message('e'.repeat(24), 'assistant', 'See [CR 702.19b].')] };
    fetchMock
      .mockResolvedValueOnce(Response.json(answered))
      .mockResolvedValueOnce(Response.json({ rule: { number: '702.19b', text: 'Trample rule text', examples: [] }, subrules: [], cites: [] }));
    renderView();
    fireEvent.click((await screen.findAllByRole('button', { name: 'Open rule 702.19b' }))[0]);
    await screen.findByText('Trample rule text');
    expect(String(fetchMock.mock.calls[1][0])).toBe('/api/rules/702.19b');
  });
});
