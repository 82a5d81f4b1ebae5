import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LowRatedAnswer } from '@melvin/shared/contracts';
import { FakeGateway, signedInApi } from '../../testing/fake-gateway';
import { AdminApiProvider } from '../session/admin-session';
import { LowRatedPage } from './low-rated-page';

afterEach(cleanup);

const answer = (n: number, extra: Partial<LowRatedAnswer> = {}): LowRatedAnswer => ({
  messageId: n.toString(16).padStart(24, '0'),
  question: `Question ${n}`,
  answer: `Answer ${n}`,
  citations: [],
  retrieval: [],
  ratedAt: `2025-11-${String(30 - n).padStart(2, '0')}T12:00:00.000Z`,
  ...extra,
});

describe('LowRatedPage', () => {
  it('shows each answer with its question, comment, citations and sources, and pages back and forth', async () => {
    const first = answer(1, {
      comment: 'Deathtouch does not work that way',
      mode: 'generated',
      citations: [
        { kind: 'rule', target: '702.2b', label: '[CR 702.2b]', url: 'https://media.wizards.com/cr#702.2b' },
        { kind: 'card', target: 'Basilisk Collar', url: 'javascript:alert(1)' },
      ],
      retrieval: [{ id: 'rule:702.2b', kind: 'rule', ref: '702.2b', score: 0.8123 }],
    });
    const gateway = new FakeGateway()
      .on('GET /api/admin/feedback/low-rated?limit=3', { body: [first, answer(2), answer(3)] })
      .on(`GET /api/admin/feedback/low-rated?limit=3&before=${encodeURIComponent(answer(2).ratedAt)}`, { body: [answer(3)] });
    const api = await signedInApi(gateway);
    render(
      <AdminApiProvider api={api}>
        <LowRatedPage pageSize={2} />
      </AdminApiProvider>,
    );

    const items = await screen.findAllByTestId('low-rated-answer');
    expect(items.map((item) => within(item).getByText(/^Question \d/).textContent)).toEqual(['Question 1', 'Question 2']);
    const detail = within(items[0]);
    expect(detail.getByText('Answer 1')).toBeTruthy();
    expect(detail.getByText('Deathtouch does not work that way')).toBeTruthy();
    expect(detail.getByRole('link', { name: '[CR 702.2b]' }).getAttribute('href')).toBe('https://media.wizards.com/cr#702.2b');
    // A citation URL that is not http(s) is shown, never made a link.
    expect(detail.getByText('card Basilisk Collar').tagName).toBe('SPAN');
    expect(detail.getByText('702.2b', { selector: 'span' }).closest('li')?.textContent).toContain('score 0.812');

    fireEvent.click(screen.getByRole('button', { name: 'Older' }));
    await screen.findByText('Question 3');
    expect(screen.getAllByTestId('low-rated-answer')).toHaveLength(1);
    expect(screen.getByText('Page 2')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Older' }).hasAttribute('disabled')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Newer' }));
    await screen.findByText('Question 1');
    expect(screen.getByRole('button', { name: 'Newer' }).hasAttribute('disabled')).toBe(true);
  });

  it('says so when no answer has been rated down', async () => {
    const gateway = new FakeGateway().on('GET /api/admin/feedback/low-rated?limit=21', { body: [] });
    const api = await signedInApi(gateway);
    render(
      <AdminApiProvider api={api}>
        <LowRatedPage />
      </AdminApiProvider>,
    );
    expect(await screen.findByText('No answer has been rated down.')).toBeTruthy();
  });
});
