/**
 * Slack mrkdwn escaping of exactly &, < and > (Slack's control characters; quotes stay as they are, html_escape
 * would show `&quot;` literally). Until core has a `slack_escape` filter this is a chain of replace filters, & first
 * so the entities it adds stay intact. The one place to switch to the filter once it exists.
 */
export const SLACK_ESCAPE = "replace: '&', '&amp;' | replace: '<', '&lt;' | replace: '>', '&gt;'";

/** `expression` escaped for Slack mrkdwn, as an expression (no delimiters). */
export function slackEscaped(expression: string): string {
  return `${expression} | ${SLACK_ESCAPE}`;
}
