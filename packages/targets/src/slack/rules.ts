import { TargetCodes } from '../codes.js';
import { diagnostic } from '../diagnostics.js';
import { child } from '../rules/body.js';
import type { BodyRule } from '../types.js';

const RULE = 'slack.message.blocks-text-total';
const BROADCAST_RULE = 'slack.message.unescaped-broadcast';
/** Slack's special mentions: <!channel>, <!here>, <!everyone> (optionally with a |label). */
const BROADCAST = /<!(channel|here|everyone)(\|[^>]*)?>/;
/** Slack answers msg_blocks_too_long at about 13,200 characters of text across all blocks (slackapi/bolt-js#2509). */
export const BLOCKS_TEXT_LIMIT = 13_000;

/** The characters of every "text" string anywhere in the value (text objects, header and markdown blocks). */
function textLength(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + textLength(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  let sum = 0;
  for (const [key, item] of Object.entries(value))
    sum += key === 'text' && typeof item === 'string' ? item.length : textLength(item);
  return sum;
}

/** The text of all blocks together stays under what Slack accepts in one message. */
export const blocksTextTotal: BodyRule = {
  id: RULE,
  description: `The text of all blocks together is at most ${BLOCKS_TEXT_LIMIT.toLocaleString('en-US')} characters.`,
  source:
    'Slack Block Kit limits (50 blocks; section 3,000; markdown 12,000) and slackapi/bolt-js#2509 (msg_blocks_too_long at ~13,200 characters across blocks), read 2026-12',
  check(body) {
    const blocks = child(body, 'blocks');
    const total = textLength(blocks);
    if (total <= BLOCKS_TEXT_LIMIT) return [];
    const text = `/blocks holds ${total} characters of text; Slack rejects a message whose blocks carry more than about 13,000 (msg_blocks_too_long; rule ${RULE}). Truncate the long parts (e.g. the summary "| truncate: 3000") or send fewer blocks.`;
    return [diagnostic('error', TargetCodes.LENGTH, '/blocks', text)];
  },
};

/** Every mrkdwn text of the message with its pointer: `text` (unless `mrkdwn: false`) and mrkdwn text objects in blocks. */
function mrkdwnTexts(body: unknown): [string, string][] {
  const out: [string, string][] = [];
  const text = child(body, 'text');
  if (typeof text === 'string' && child(body, 'mrkdwn') !== false) out.push(['/text', text]);
  const visit = (value: unknown, pointer: string): void => {
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${pointer}/${index}`));
    else if (value !== null && typeof value === 'object') {
      const inner = child(value, 'text');
      if (child(value, 'type') === 'mrkdwn' && typeof inner === 'string')
        out.push([`${pointer}/text`, inner]);
      for (const [key, item] of Object.entries(value)) visit(item, `${pointer}/${key}`);
    }
  };
  visit(child(body, 'blocks'), '/blocks');
  return out;
}

/** A mapped summary containing <!channel> pings the whole channel: warn, since an intended mention is possible. */
export const unescapedBroadcast: BodyRule = {
  id: BROADCAST_RULE,
  description:
    'mrkdwn text holding <!channel>, <!here> or <!everyone> notifies everyone (a warning: it may be intended).',
  source: 'Slack "Formatting text for app surfaces": escaping &, <, > and special mentions, read 2026-12',
  check(body) {
    return mrkdwnTexts(body)
      .filter(([, text]) => BROADCAST.test(text))
      .map(([path, text]) => {
        const mention = BROADCAST.exec(text)?.[0] ?? '';
        const message = `${path} contains ${mention}, which notifies everyone in the channel (rule ${BROADCAST_RULE}). If the text comes from the payload, escape it: "| slack_escape".`;
        return diagnostic('warning', TargetCodes.BROADCAST, path, message);
      });
  },
};
