import { describe, expect, it } from 'vitest';
import { readSseStream, SseParser, type SseMessage } from './sse';

const stream = 'event: queued\ndata: {"type":"queued","position":2}\n\n: waiting\n\nevent: token\ndata: {"type":"token","text":"Yes"}\n\n';

describe('SseParser', () => {
  it('reads named events and skips keep-alive comments', () => {
    expect(new SseParser().push(stream)).toEqual([
      { event: 'queued', data: '{"type":"queued","position":2}' },
      { event: 'token', data: '{"type":"token","text":"Yes"}' },
    ]);
  });

  it('gives the same events however the text is cut into chunks', () => {
    for (let size = 1; size < 12; size++) {
      const parser = new SseParser();
      const events: SseMessage[] = [];
      for (let at = 0; at < stream.length; at += size) events.push(...parser.push(stream.slice(at, at + size)));
      expect(events.map((event) => event.event)).toEqual(['queued', 'token']);
      expect(JSON.parse(events[1].data)).toEqual({ type: 'token', text: 'Yes' });
    }
  });

  it('accepts CRLF and CR line ends, even with CRLF split across chunks', () => {
    const parser = new SseParser();
    const events = [...parser.push('event: done\r'), ...parser.push('\ndata: a\r\ndata: b\r\n\r'), ...parser.push('\ndata: c\r\rdata: d\r')];
    expect(events).toEqual([
      { event: 'done', data: 'a\nb' },
      { event: 'message', data: 'c' },
    ]);
  });

  it('joins data lines, defaults the name to message and ignores unknown fields', () => {
    expect(new SseParser().push('retry: 10\ndata:first\ndata: second\n\n')).toEqual([{ event: 'message', data: 'first\nsecond' }]);
  });

  it('does not dispatch a name without data, and delivers an unterminated last event at the end', () => {
    const parser = new SseParser();
    expect(parser.push('event: ping\n\nevent: done\ndata: {}')).toEqual([]);
    expect(parser.end()).toEqual([{ event: 'done', data: '{}' }]);
  });
});

describe('readSseStream', () => {
  it('decodes a byte stream whose chunks split a multi-byte character', async () => {
    const bytes = new TextEncoder().encode('event: token\ndata: {"text":"Æther — ok"}\n\n');
    const cut = bytes.indexOf(0xc3) + 1;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, cut));
        controller.enqueue(bytes.slice(cut));
        controller.close();
      },
    });
    const events: SseMessage[] = [];
    await readSseStream(body, (event) => events.push(event));
    expect(events).toEqual([{ event: 'token', data: '{"text":"Æther — ok"}' }]);
  });
});
