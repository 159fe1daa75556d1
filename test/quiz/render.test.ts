import { describe, expect, it } from 'vitest';
import { roundReply } from '../../src/quiz/render.js';
import type { Round } from '../../src/quiz/store/rounds.js';
import type { Question } from '../../src/quiz/question.js';

function roundWith(choices: string[]): Round {
  const question: Question = {
    id: 'q',
    kind: 'fact',
    source: 'x3d',
    difficulty: 'medium',
    question: { ja: '問', en: 'Which paper introduced X3D?' },
    choices: choices.map((en) => ({ ja: en, en })),
    correct: 0,
    explanation: { ja: '解', en: 'Because.' },
  };
  return {
    id: 7, channelKey: 'discord:g:c', platform: 'discord', scope: 'g', channel: 'c', localDate: '2026-12-01',
    question, correctChoice: 0, choiceOrder: [2, 0, 3, 1], lang: 'en', timezone: 'Asia/Tokyo',
    scheduledFor: new Date('2026-12-01T00:00:00Z'), revealAt: new Date('2026-12-01T12:00:00Z'), state: 'open', attempts: 0, buttonsClosed: false,
  };
}

describe('a round as posted', () => {
  it('short choices become the button labels, in the round’s order, with stored indexes in the ids', () => {
    const reply = roundReply(roundWith(['Alpha', 'Beta', 'Gamma', 'Delta']), 3);
    expect(reply.buttons?.map((b) => [b.label, b.id])).toEqual([
      ['Gamma', 'q1:a:7:2'], ['Alpha', 'q1:a:7:0'], ['Delta', 'q1:a:7:3'], ['Beta', 'q1:a:7:1'],
    ]);
    expect(reply.fields?.[0]).toMatchObject({ name: 'Answers', value: '3' });
  });

  it('a choice too long for Slack’s 75-unit labels puts the choices in the message and labels the buttons A–D', () => {
    const long = 'X3D: Expanding Architectures for Efficient Video Recognition — a long paper title here';
    expect(long.length).toBeGreaterThan(75);
    const reply = roundReply(roundWith([long, 'B', 'C', 'D']), 0);
    expect(reply.buttons?.map((b) => b.label)).toEqual(['A', 'B', 'C', 'D']);
    expect(reply.text?.split('\n').slice(1)).toEqual(['A. C', `B. ${long}`, 'C. D', 'D. B']);
  });

  it('after the reveal every button is disabled and the right one is marked', () => {
    const reply = roundReply({ ...roundWith(['Alpha', 'Beta', 'Gamma', 'Delta']), state: 'revealed' }, 5);
    expect(reply.buttons?.every((b) => b.disabled)).toBe(true);
    expect(reply.buttons?.filter((b) => b.style === 'success').map((b) => b.label)).toEqual(['Alpha']);
  });
});
