import { emptyCommon, idText, person, type CommonView } from '../common.js';
import { field, finiteNumber, isRecord, list, pickPresent, record, text } from '../values.js';
import type { SourceReaders } from '../sources.js';

/** The call's own scalar facts, flat, in the vendor's order (the `call` source and Call Info section). */
export const CALL_KEYS = [
  'id',
  'customer_phone',
  'assistant_phone',
  'duration',
  'status',
  'created_at',
  'finished_at',
  'recording_url',
] as const;

const SPEAKER_LABELS: Record<string, string> = { bot: 'AI', human: 'Customer' };

/**
 * The transcript as text: the string form as sent; for the array form the vendor's formatted_transcript
 * when present, else one "AI: …" / "Customer: …" line per utterance (the labels formatted_transcript uses).
 */
export function transcriptText(payload: unknown): string | null {
  const transcript = field(payload, 'transcript');
  if (typeof transcript === 'string') return text(transcript);
  const formatted = text(field(payload, 'formatted_transcript'));
  if (formatted !== null) return formatted;
  const lines = list(transcript)
    .filter(isRecord)
    .map((utterance) => {
      const sender = text(utterance.sender);
      const label = sender === null ? null : (SPEAKER_LABELS[sender] ?? sender);
      return label === null ? text(utterance.text) : `${label}: ${text(utterance.text) ?? ''}`;
    })
    .filter((line) => line !== null);
  return lines.length > 0 ? lines.join('\n') : null;
}

/** Named sources: `call` (flat call facts), `campaign` (lead.campaign), `transcript_text`. */
export const otonistarkSourceReaders: SourceReaders = {
  call: (payload) => pickPresent(payload, CALL_KEYS),
  campaign: (payload) => field(field(payload, 'lead'), 'campaign') ?? null,
  transcript_text: transcriptText,
};

export function otonistarkCommon(payload: unknown): CommonView {
  const common = emptyCommon('otonistark', 'post_call');
  const extracted = record(field(payload, 'extracted_variables'));
  const lead = record(field(payload, 'lead'));
  common.id = idText(field(payload, 'id'));
  common.summary = text(extracted?.summary);
  common.started_at = text(field(payload, 'created_at'));
  common.ended_at = text(field(payload, 'finished_at'));
  common.duration_seconds = finiteNumber(field(payload, 'duration'));
  common.status = text(field(payload, 'status'));
  common.phone = text(field(payload, 'customer_phone')) ?? text(lead?.phone_number);
  if (common.phone !== null) common.participants = [person(null, null, common.phone)];
  common.transcript_text = transcriptText(payload);
  common.recording_url = text(field(payload, 'recording_url'));
  common.fields = { ...(extracted ?? {}) };
  return common;
}
