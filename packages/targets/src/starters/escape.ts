/**
 * Slack mrkdwn escaping of exactly &, < and > (Slack's control characters; quotes stay as they are, html_escape
 * would show `&quot;` literally): core's `slack_escape` filter.
 */
export const SLACK_ESCAPE = 'slack_escape';

/** `expression` escaped for Slack mrkdwn, as an expression (no delimiters). */
export function slackEscaped(expression: string): string {
  return `${expression} | ${SLACK_ESCAPE}`;
}
