import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  attendee,
  attendeeCanonicalJson,
  parseRawJson,
  pythonCanonicalJson,
  signAttendeePayload,
  verifyAttendeeSignature,
} from '../src/index.js';
import { pythonFloatRepr } from '../src/signatures/python-json.js';

interface Vector {
  canonical_signed_string: string;
  x_webhook_signature: string;
}
const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const sampleText = (id: string) =>
  readFileSync(new URL(`../src/attendee/samples/${id}.json`, import.meta.url), 'utf8');

/** The research vectors name research files; the samples are those files copied verbatim. */
const SAMPLE_FOR_RESEARCH_FILE: Record<string, string> = {
  'attendee.bot.state_change.post_processing_completed.json': 'post_processing_completed',
  'attendee.bot.state_change.meeting_ended_removed.json': 'meeting_ended',
  'attendee.transcript.update.json': 'transcript_update',
  'attendee.chat_messages.update.json': 'chat_message',
  'attendee.participant_events.join_leave.json': 'participant_join',
  'attendee.bot_logs.update.json': 'bot_log_warning',
  'attendee.calendar.state_change.json': 'calendar_disconnected',
  'attendee.bot.state_change.post_processing_completed.integral-float.json':
    'post_processing_completed-integral-float',
};

const research = fixture('attendee-research-vectors.json') as {
  secret_base64: string;
  vectors: (Vector & { file: string })[];
};
const python = fixture('attendee-python-vectors.json') as {
  secret_base64: string;
  vectors: (Vector & { name: string; raw_body: string; raw_body_pretty: string })[];
};
const secret = research.secret_base64;
const wrongSecret = btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => 31 - i)));

describe('Attendee signatures: research vectors over the samples', () => {
  for (const vector of research.vectors) {
    const body = sampleText(SAMPLE_FOR_RESEARCH_FILE[vector.file] ?? '');
    it(`${vector.file}: canonical text and signature match`, async () => {
      expect(attendeeCanonicalJson(body)).toBe(vector.canonical_signed_string);
      expect(await signAttendeePayload(body, secret)).toBe(vector.x_webhook_signature);
      expect(
        await attendee.verify?.(body, { 'X-Webhook-Signature': vector.x_webhook_signature }, secret),
      ).toBe(true);
    });
  }

  it('keeps 1.0 as 1.0, which JSON.parse + JSON.stringify would not', () => {
    const body = sampleText('post_processing_completed-integral-float');
    expect(attendeeCanonicalJson(body)).toContain('"credits_consumed":1.0');
    expect(JSON.stringify(JSON.parse(body))).toContain('"credits_consumed":1}');
  });
});

describe('Attendee signatures: vectors from Python json.dumps', () => {
  for (const vector of python.vectors) {
    it(`${vector.name}: verifies the body as sent and re-indented`, async () => {
      const headers = { 'x-webhook-signature': vector.x_webhook_signature };
      expect(attendeeCanonicalJson(vector.raw_body)).toBe(vector.canonical_signed_string);
      expect(attendeeCanonicalJson(vector.raw_body_pretty)).toBe(vector.canonical_signed_string);
      expect(await verifyAttendeeSignature(vector.raw_body, headers, python.secret_base64)).toBe(true);
      expect(
        await verifyAttendeeSignature(new TextEncoder().encode(vector.raw_body_pretty), headers, secret),
      ).toBe(true);
    });

    it(`${vector.name}: rejects a wrong secret and tampered bodies`, async () => {
      const headers = { 'X-WEBHOOK-SIGNATURE': vector.x_webhook_signature };
      expect(await verifyAttendeeSignature(vector.raw_body, headers, wrongSecret)).toBe(false);
      const tampered = vector.raw_body.replace('"bot_Vx12"', '"bot_Vx13"');
      expect(tampered).not.toBe(vector.raw_body);
      expect(await verifyAttendeeSignature(tampered, headers, secret)).toBe(false);
      expect(await verifyAttendeeSignature(vector.raw_body.slice(0, -1), headers, secret)).toBe(false);
    });
  }

  it('rejects missing, malformed and truncated signature headers and a non-base64 secret', async () => {
    const vector = python.vectors[0]!;
    const body = vector.raw_body;
    expect(await verifyAttendeeSignature(body, {}, secret)).toBe(false);
    expect(await verifyAttendeeSignature(body, { 'x-webhook-signature': 'not base64!' }, secret)).toBe(false);
    const truncated = vector.x_webhook_signature.slice(0, 40);
    expect(await verifyAttendeeSignature(body, { 'x-webhook-signature': truncated }, secret)).toBe(false);
    expect(
      await verifyAttendeeSignature(body, { 'x-webhook-signature': vector.x_webhook_signature }, '%%%'),
    ).toBe(false);
    const both = { 'x-webhook-signature': ['AAAA', vector.x_webhook_signature] };
    expect(await verifyAttendeeSignature(body, both, secret)).toBe(true);
  });

  it('accepts a Fetch Headers object', async () => {
    const vector = python.vectors[1]!;
    const headers = new Headers({ 'X-Webhook-Signature': vector.x_webhook_signature });
    expect(await verifyAttendeeSignature(vector.raw_body, headers, secret)).toBe(true);
  });
});

describe('Python-compatible canonical JSON', () => {
  const canonical = (text: string) => pythonCanonicalJson(parseRawJson(text));

  it('writes floats like float.__repr__ and ints digit for digit', () => {
    const cases: [number, string][] = [
      [1, '1.0'],
      [0.1, '0.1'],
      [1e16, '1e+16'],
      [1234567890123456, '1234567890123456.0'],
      [1e-5, '1e-05'],
      [0.0001, '0.0001'],
      [-0, '-0.0'],
      [1.5e300, '1.5e+300'],
      [123.456, '123.456'],
    ];
    for (const [value, repr] of cases) expect(pythonFloatRepr(value)).toBe(repr);
    expect(canonical('[1.0, 1E2, 2.50, -0, 10, 123456789012345678901234567890, 1e400]')).toBe(
      '[1.0,100.0,2.5,0,10,123456789012345678901234567890,Infinity]',
    );
  });

  it('sorts keys by code point and keeps the last of repeated keys', () => {
    expect(canonical('{"\\uff5e":1,"\\ud83d\\ude00":2,"b":3,"B":4,"b":5}')).toBe(
      '{"B":4,"b":5,"～":1,"😀":2}',
    );
  });

  it('escapes only quotes, backslashes and control characters', () => {
    expect(canonical('"a\\u2028b\\u00e9\\/\\u0001\\n\\"\\\\\\u007f"')).toBe(
      '"a\u2028bé/\\u0001\\n\\"\\\\\u007f"',
    );
  });

  it('rejects text that is not JSON', () => {
    for (const bad of ['', '{', '{"a":}', '[1,]', '01', '"\u0001"', '{"a":1} x', 'NaN', "{'a':1}"]) {
      expect(() => parseRawJson(bad), bad).toThrow();
    }
  });
});
