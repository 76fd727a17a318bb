import type { JsonValue, StepResponse } from '@hookmap/core';

/** Documented request bodies (research/crm), shown in the editor and checked against the schemas by the tests; and a realistic response of each target. */

export const slackMessageExample: JsonValue = {
  text: 'Call completed: product demo follow-up (+1234567890, 2m05s)',
  blocks: [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: 'Call completed: product demo follow-up',
      },
    },
    {
      type: 'section',
      fields: [
        {
          type: 'mrkdwn',
          text: '*Phone*\n+1234567890',
        },
        {
          type: 'mrkdwn',
          text: '*Duration*\n2m05s',
        },
      ],
    },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: '*Summary*\nCustomer interested in product demo.',
      },
    },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: '<https://example.com/recordings/call-12345.mp3|Recording>',
        },
      ],
    },
  ],
};

/** What a Slack incoming webhook answers: 200, the text "ok". */
export const slackMessageResponse: StepResponse = {
  status: 200,
  headers: { 'content-type': 'text/plain' },
  body: 'ok',
};
