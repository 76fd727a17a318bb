import type { JsonValue } from '@hookmap/core';
import { templateIntegration } from '../starters/integration.js';
import type { StarterContext, TargetDefinition } from '../types.js';
import { messageSchema } from './schema.js';

const message: JsonValue = {
  text: "{{ common.title ?? 'Call' }} finished ({{ common.provider }})",
  blocks: [
    { type: 'header', text: { type: 'plain_text', text: "{{ common.title ?? 'Call' | truncate: 150 }}" } },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: "*Summary*\n{{ common.summary ?? 'No summary.' | truncate: 2990 }}" },
    },
  ],
};

export const slackMessage: TargetDefinition = {
  id: 'slack.message',
  crm: 'slack',
  name: 'Slack message (incoming webhook)',
  method: 'POST',
  url: '{{secrets.SLACK_WEBHOOK_URL}}',
  headers: {},
  secrets: ['SLACK_WEBHOOK_URL'],
  schema: messageSchema,
  docs: ['https://api.slack.com/messaging/webhooks', 'https://api.slack.com/reference/block-kit/blocks'],
  notes: [
    'No auth header: the webhook URL itself (https://hooks.slack.com/services/T.../B.../...) is the secret SLACK_WEBHOOK_URL.',
    '"text" is the notification fallback when blocks are present; send it always.',
    'Slack answers 200 with the plain-text body "ok".',
  ],
  starter: (context: StarterContext) => templateIntegration(slackMessage, message, context),
  providerStarters: {},
};
