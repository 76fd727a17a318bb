import { encodeComponent } from '../evaluate/text.js';
import { def, expectText, type FilterDef } from './types.js';

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Liquid's url_encode (Ruby's CGI.escape): percent-encoding, with a space written as `+`. */
function urlEncode(v: unknown): string {
  return encodeComponent(expectText('url_encode', v)).replace(/%20/g, '+');
}
/** UTF-8 bytes, standard base64 alphabet with padding. */
const NOT_ASCII = /[^\0-\x7f]/;

function base64(v: unknown): string {
  const text = expectText('base64', v);
  // ASCII text is its own UTF-8: btoa reads it directly.
  if (!NOT_ASCII.test(text)) return btoa(text);
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
const HTML_SPECIAL = /[&<>"']/;

function htmlEscape(v: unknown): string {
  const text = expectText('html_escape', v);
  return HTML_SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => HTML[c] as string) : text;
}

const SLACK: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Slack mrkdwn: exactly `&`, `<` and `>` (quotes stay, Slack would show `&quot;` as written). */
function slackEscape(v: unknown): string {
  return expectText('slack_escape', v).replace(/[&<>]/g, (c) => SLACK[c] as string);
}

export const encodeFilters: Record<string, FilterDef> = {
  url_encode: def(
    urlEncode,
    0,
    0,
    'url_encode',
    'Percent-encode for a URL query value (a space is +, as in Liquid).',
  ),
  base64: def(base64, 0, 0, 'base64', 'Base64 of the UTF-8 text.'),
  html_escape: def(htmlEscape, 0, 0, 'html_escape', 'Escape & < > " \' for HTML.'),
  slack_escape: def(
    slackEscape,
    0,
    0,
    'slack_escape',
    'Escape & < > for Slack mrkdwn, so mapped text cannot ping (<!channel>) or link.',
  ),
};
