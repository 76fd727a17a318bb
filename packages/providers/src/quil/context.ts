import { emptyCommon, person, type CommonPerson, type CommonView } from '../common.js';
import { dig, field, isRecord, list, record, text, type JsonRecord } from '../values.js';
import type { SourceReaders } from '../sources.js';

/** The doc's table puts assets under `data`; its sample puts them beside `data`. Either is read. */
export function quilAssets(payload: unknown): JsonRecord | null {
  return record(dig(payload, 'data', 'assets')) ?? record(field(payload, 'assets'));
}

/** Inline `databaseNotes` as `{ [name]: note }`; null when the notes are a URL or absent. */
export function quilNotes(payload: unknown): JsonRecord | null {
  const notes = quilAssets(payload)?.databaseNotes;
  if (!Array.isArray(notes)) return null;
  const out: JsonRecord = {};
  for (const entry of notes.filter(isRecord)) {
    const name = text(entry.name);
    if (name !== null) out[name] = entry.note ?? null;
  }
  return out;
}

/** Named sources: `meeting`, `organization`, `assets` (wherever sent), `notes` (by name), `notes_url`. */
export const quilSourceReaders: SourceReaders = {
  meeting: (payload) => dig(payload, 'data', 'meeting') ?? null,
  organization: (payload) => dig(payload, 'data', 'organization') ?? null,
  assets: quilAssets,
  notes: quilNotes,
  notes_url: (payload) => {
    const assets = quilAssets(payload);
    return typeof assets?.databaseNotes === 'string' ? assets.databaseNotes : null;
  },
};

const PHONE = /^\+?[\d\s().-]{6,}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Participants are "phone numbers or identifiers": each lands in phone, email or (otherwise) name. */
function participant(identifier: string): CommonPerson {
  if (PHONE.test(identifier)) return person(null, null, identifier);
  if (EMAIL.test(identifier)) return person(null, identifier, null);
  return person(identifier, null, null);
}

function noteNamed(notes: JsonRecord | null, wanted: string): string | null {
  const key = Object.keys(notes ?? {}).find((name) => name.trim().toLowerCase() === wanted);
  return key === undefined ? null : text(notes?.[key]);
}

export function quilCommon(payload: unknown): CommonView {
  const common = emptyCommon('quil', text(field(payload, 'eventType')) ?? 'meeting.completed');
  const meeting = record(dig(payload, 'data', 'meeting'));
  const notes = quilNotes(payload);
  common.id = text(meeting?.id);
  common.title = text(meeting?.name);
  common.summary = noteNamed(notes, 'summary');
  common.started_at = text(meeting?.startTime);
  common.owner = { name: text(meeting?.ownerName), email: null };
  common.participants = list(meeting?.participants)
    .map((entry) => text(entry))
    .filter((entry) => entry !== null)
    .map(participant);
  common.phone = common.participants.find((entry) => entry.phone !== null)?.phone ?? null;
  common.recording_url = text(quilAssets(payload)?.recordingUrl);
  common.fields = { ...(notes ?? {}) };
  return common;
}
