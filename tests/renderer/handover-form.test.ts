import { describe, expect, it } from 'vitest';
import type { RecipientMatch } from '../../src-shared/api/drop-off-methods.js';
import { failure, type Result } from '../../src-shared/api/result.js';
import { translate, type MessageParams } from '../../src-shared/i18n/translate.js';
import type { MessageKey } from '../../src-shared/i18n/en.js';
import { ManualClock } from '../../src-shared/time/manual-clock.js';
import {
  ContactSearch,
  type ContactSearchSnapshot,
} from '../../src-renderer/handovers/contact-search.js';
import {
  draftRequest,
  draftStep,
  newHandoverDraft,
  withDropDays,
  type HandoverDraft,
} from '../../src-renderer/handovers/handover-draft.js';
import { daysText, doorPlace, partiesLine } from '../../src-renderer/handovers/handover-text.js';

function contact(id: string, name: string): RecipientMatch {
  return {
    kind: 'contact',
    id,
    name,
    detail: `${id}@demo.casier.example`,
    personnelId: null,
    departmentName: null,
    accessibilityNeed: false,
  };
}

const zoe = contact('zoe', 'Zoé Tremblay');
const samuel = contact('samuel', 'Samuel King');

function ready(kind: HandoverDraft['kind']): HandoverDraft {
  return {
    ...newHandoverDraft(kind),
    sender: zoe,
    receiver: kind === 'exchange' ? samuel : null,
    size: 'M',
  };
}

describe('a new return or exchange (D3, D4)', () => {
  it('asks for the sender, then the receiver of an exchange, then the details', () => {
    const exchange = newHandoverDraft('exchange');
    expect(draftStep(exchange)).toBe('sender');
    expect(draftStep({ ...exchange, sender: zoe })).toBe('receiver');
    expect(draftStep({ ...exchange, sender: zoe, receiver: samuel })).toBe('details');
    expect(draftStep({ ...newHandoverDraft('return'), sender: zoe })).toBe('details');
  });

  it('gives a week to bring it by default, within 1 to 30 days', () => {
    const draft = newHandoverDraft('return');
    expect(draft.dropWithinDays).toBe(7);
    expect(withDropDays(draft, 1).dropWithinDays).toBe(8);
    expect(withDropDays({ ...draft, dropWithinDays: 1 }, -1).dropWithinDays).toBe(1);
    expect(withDropDays({ ...draft, dropWithinDays: 30 }, 1).dropWithinDays).toBe(30);
  });

  it('builds a return request without a receiver or a tracking number', () => {
    expect(draftRequest(ready('return'))).toEqual({
      ok: true,
      request: {
        kind: 'return',
        senderContactId: 'zoe',
        receiverContactId: null,
        size: 'M',
        trackingNumber: null,
        generateTrackingNumber: false,
        dropWithinDays: 7,
      },
    });
  });

  it('builds an exchange request with a generated or a typed tracking number', () => {
    const generated = draftRequest({
      ...ready('exchange'),
      tracking: 'generate',
      trackingText: 'X',
    });
    expect(generated).toMatchObject({
      ok: true,
      request: { receiverContactId: 'samuel', trackingNumber: null, generateTrackingNumber: true },
    });
    const typed = draftRequest({ ...ready('exchange'), tracking: 'typed', trackingText: ' RT42 ' });
    expect(typed).toMatchObject({
      ok: true,
      request: { trackingNumber: 'RT42', generateTrackingNumber: false },
    });
  });

  it('a receiver left over from a change of kind never reaches a return', () => {
    const check = draftRequest({ ...ready('return'), receiver: samuel });
    expect(check).toMatchObject({ ok: true, request: { receiverContactId: null } });
  });

  it('names the first thing missing, in the order the form asks', () => {
    expect(draftRequest(newHandoverDraft('exchange'))).toEqual({ ok: false, problem: 'sender' });
    expect(draftRequest({ ...ready('exchange'), receiver: null })).toEqual({
      ok: false,
      problem: 'receiver',
    });
    expect(draftRequest({ ...ready('exchange'), receiver: zoe })).toEqual({
      ok: false,
      problem: 'same_person',
    });
    expect(draftRequest({ ...ready('return'), size: null })).toEqual({
      ok: false,
      problem: 'size',
    });
    expect(draftRequest({ ...ready('return'), tracking: 'typed', trackingText: '  ' })).toEqual({
      ok: false,
      problem: 'tracking',
    });
    expect(
      draftRequest({ ...ready('return'), tracking: 'typed', trackingText: '9'.repeat(65) }),
    ).toEqual({ ok: false, problem: 'tracking_too_long' });
  });
});

describe('searching the person who brings or picks up the item', () => {
  function setUp() {
    const clock = new ManualClock();
    const asked: string[] = [];
    const answers: ((result: Result<RecipientMatch[]>) => void)[] = [];
    let snapshot: ContactSearchSnapshot | undefined;
    const search = new ContactSearch({
      clock,
      lookUp: (query) => {
        asked.push(query);
        return new Promise((resolve) => answers.push(resolve));
      },
      changed: (next) => {
        snapshot = next;
      },
    });
    return { clock, asked, answers, search, latest: () => snapshot };
  }

  it('lists people only: a hand-over is never brought by a department', async () => {
    const { clock, asked, answers, search, latest } = setUp();
    search.type('tre');
    expect(latest()?.searching).toBe(true);
    await clock.advance(200);
    expect(asked).toEqual(['tre']);
    answers[0]?.({ ok: true, value: [zoe, { ...samuel, kind: 'department' }] });
    await clock.advance(0);
    expect(latest()).toMatchObject({ query: 'tre', answeredQuery: 'tre', searching: false });
    expect(latest()?.results).toEqual([zoe]);
  });

  it('shows the directory’s refusal, and clears everything for a blank query', async () => {
    const { clock, answers, search, latest } = setUp();
    search.type('zo');
    await clock.advance(200);
    answers[0]?.(failure('not_signed_in', 'Please sign in to continue.'));
    await clock.advance(0);
    expect(latest()).toMatchObject({ error: 'Please sign in to continue.', results: [] });
    search.type('  ');
    expect(latest()).toMatchObject({ searching: false, error: undefined, results: [] });
  });

  it('drops an answer that arrives after the picker closed', async () => {
    const { clock, answers, search, latest } = setUp();
    search.type('zo');
    await clock.advance(200);
    search.stop();
    answers[0]?.({ ok: true, value: [zoe] });
    await clock.advance(0);
    expect(latest()?.results).toEqual([]);
  });
});

describe('hand-over texts in both languages', () => {
  const i18n = (locale: 'en' | 'fr') => ({
    t: (key: MessageKey, params?: MessageParams) => translate(locale, key, params),
  });

  it('says who brings it and who picks it up', () => {
    expect(partiesLine(i18n('en'), { senderName: 'Zoé', receiverName: null })).toBe('From Zoé');
    expect(partiesLine(i18n('fr'), { senderName: 'Zoé', receiverName: 'Samuel' })).toBe(
      'Zoé → Samuel',
    );
  });

  it('says the door’s size and height, and the days', () => {
    const door = { size: 'L' as const, doorBottomCm: 10, doorTopCm: 50 };
    expect(doorPlace(i18n('en'), door)).toBe('Large, 10–50 cm from the floor');
    expect(daysText(i18n('en'), 1)).toBe('1 day');
    expect(daysText(i18n('fr'), 7)).toBe('7\u00a0jours');
  });
});
