import { nonEmpty, slackEscape, truncate } from './examples-hand-shared.js';
import type { HandRequest, Obj, Secrets } from './examples-hand-shared.js';

const json = JSON.stringify;

/** The Otter Slack example writes its JSON body as text (a Handlebars template), so this does too. */
function otterToSlackMessage(payload: unknown, secrets: Secrets): unknown {
  const data = (payload as Obj).data as Obj | undefined;
  const title = nonEmpty(data?.title) ?? 'Call finished';
  const summary = nonEmpty(data?.abstract_summary) ?? 'No summary.';
  // Otter's doc example nests the action items under data.relationships; other copies put them on data.
  const items = (data?.relationships as Obj | undefined)?.action_items ?? data?.action_items;
  let body =
    `{\n  "text": ${json(slackEscape(title))},\n  "blocks": [\n    {"type": "header", "text": ` +
    `{"type": "plain_text", "text": ${json(truncate(title, 150))} }},\n    {"type": "section", "text": ` +
    `{"type": "mrkdwn", "text": ${json(truncate(slackEscape(summary), 3000))} }}`;
  if (Array.isArray(items)) {
    for (const item of items as unknown[]) {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) continue;
      const text = nonEmpty((item as Obj).text);
      if (text === null) continue;
      const done = ((item as Obj).status as Obj | undefined)?.completed === true;
      body +=
        `,\n    {"type": "context", "elements": [{"type": "mrkdwn", "text": ` +
        `"${done ? ':white_check_mark:' : ':white_square:'}"}, {"type": "mrkdwn", "text": ` +
        `${json(slackEscape(text))} }]}`;
    }
  }
  return {
    method: 'POST',
    url: secrets.SLACK_WEBHOOK_URL ?? '',
    headers: { 'Content-Type': 'application/json' },
    body: `${body}\n  ]\n}`,
  };
}

/** A Quil databaseNotes entry's note whose name is "summary" (any case and spacing), else null. */
function quilSummary(notes: unknown): string | null {
  if (!Array.isArray(notes)) return null;
  let name: string | null = null;
  let note: unknown = null;
  for (const entry of notes as unknown[]) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) continue;
    const entryName = nonEmpty((entry as Obj).name);
    if (entryName === null) continue;
    // A later note under the same name replaces the earlier one.
    if (name === null ? entryName.trim().toLowerCase() === 'summary' : entryName === name) {
      name = entryName;
      note = (entry as Obj).note;
    }
  }
  return nonEmpty(note);
}

/** Quil sends no action items and no meeting link: only title, summary note and recording are mapped. */
function quilToSlackMessage(payload: unknown, secrets: Secrets): unknown {
  const p = payload as Obj;
  const data = p.data as Obj | undefined;
  const title = nonEmpty((data?.meeting as Obj | undefined)?.name) ?? 'Call finished';
  const dataAssets = data?.assets;
  const assets = (
    typeof dataAssets === 'object' && dataAssets !== null && !Array.isArray(dataAssets)
      ? dataAssets
      : p.assets
  ) as Obj | undefined;
  const summary = quilSummary(assets?.databaseNotes);
  const recording = nonEmpty(assets?.recordingUrl);
  const blocks: unknown[] = [{ type: 'header', text: { type: 'plain_text', text: truncate(title, 150) } }];
  if (summary !== null)
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(slackEscape(summary), 3000) } });
  const elements: unknown[] = [
    { type: 'mrkdwn', text: `Source: quil ${nonEmpty(p.eventType) ?? 'meeting.completed'}` },
  ];
  if (recording !== null) elements.push({ type: 'mrkdwn', text: `<${slackEscape(recording)}|Recording>` });
  blocks.push({ type: 'context', elements });
  return {
    method: 'POST',
    url: secrets.SLACK_WEBHOOK_URL ?? '',
    headers: { 'Content-Type': 'application/json' },
    body: { text: slackEscape(title), blocks },
  };
}

export const slackExamples: Record<string, HandRequest> = {
  'otter-to-slack-message': otterToSlackMessage,
  'quil-to-slack-message': quilToSlackMessage,
};
