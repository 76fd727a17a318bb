import sample from './otter-sample.json' with { type: 'json' };

const speakers = ['Jane Doe', 'John Doe', 'Priya Shah', 'Marcus Lee'];
const lines = [
  "Let's walk through the launch checklist and make sure every owner is clear on the deadline.",
  'The API vendor confirmed the rate limits, but we still need a fallback if they slip.',
  'Marketing wants the landing page copy frozen by Thursday so translations can start.',
  'Support asked for a short FAQ covering billing changes and the new onboarding flow.',
  "I'll sync with sales tomorrow morning and share the updated messaging deck afterwards.",
];

function clock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** A deterministic Otter-style transcript of at least `bytes` characters. */
export function transcript(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = `${speakers[i % speakers.length]} ${clock(i * 7)}\n${lines[i % lines.length]}\n\n`;
    parts.push(part);
    size += part.length;
  }
  parts.push('Transcribed by https://otter.ai');
  return parts.join('');
}

function actionItem(i: number) {
  const who = speakers[i % speakers.length] ?? 'Jane Doe';
  const [first = '', last = ''] = who.split(' ');
  const email = `${first.toLowerCase()}@test.com`;
  return {
    id: `action_item_${i + 1}`,
    text: `Action ${i + 1}: ${lines[i % lines.length]}`,
    assignee: { id: `user_${i % 4}`, name: who, first_name: first, last_name: last, email },
    status: {
      completed: i % 3 === 0,
      created_at: '2025-07-31T12:00:00Z',
      last_modified_at: '2025-07-31T12:00:00Z',
      completed_at: i % 3 === 0 ? '2025-07-31T12:00:00Z' : null,
    },
  };
}

/** The seed 000 example payload with a ~`transcriptBytes` transcript and `items` action items. */
export function bigOtterPayload(transcriptBytes = 200_000, items = 50) {
  const data = sample.data;
  return {
    ...sample,
    data: {
      ...data,
      relationships: {
        ...data.relationships,
        action_items: Array.from({ length: items }, (_, i) => actionItem(i)),
        transcript: { content: transcript(transcriptBytes), format: 'txt' },
      },
    },
  };
}
