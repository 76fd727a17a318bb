import { TargetCodes } from '../codes.js';
import { diagnostic } from '../diagnostics.js';
import { child } from '../rules/body.js';
import type { BodyRule } from '../types.js';

const RULE = 'slack.message.blocks-text-total';
/** Slack answers msg_blocks_too_long at about 13,200 characters of text across all blocks (slackapi/bolt-js#2509). */
export const BLOCKS_TEXT_LIMIT = 13_000;

/** The characters of every "text" string anywhere in the value (text objects, header and markdown blocks). */
function textLength(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + textLength(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  let sum = 0;
  for (const [key, item] of Object.entries(value)) sum += key === 'text' && typeof item === 'string' ? item.length : textLength(item);
  return sum;
}

/** The text of all blocks together stays under what Slack accepts in one message. */
export const blocksTextTotal: BodyRule = {
  id: RULE,
  description: `The text of all blocks together is at most ${BLOCKS_TEXT_LIMIT.toLocaleString('en-US')} characters.`,
  source: 'Slack Block Kit limits (50 blocks; section 3,000; markdown 12,000) and slackapi/bolt-js#2509 (msg_blocks_too_long at ~13,200 characters across blocks), read 2026-12',
  check(body) {
    const blocks = child(body, 'blocks');
    const total = textLength(blocks);
    if (total <= BLOCKS_TEXT_LIMIT) return [];
    const text = `/blocks holds ${total} characters of text; Slack rejects a message whose blocks carry more than about 13,000 (msg_blocks_too_long; rule ${RULE}). Truncate the long parts (e.g. the summary "| truncate: 3000") or send fewer blocks.`;
    return [diagnostic('error', TargetCodes.LENGTH, '/blocks', text)];
  },
};
