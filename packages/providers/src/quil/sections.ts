import type { ProviderSection } from '@hookmap/core';
import { section, topLevelSection } from '../sections.js';
import { dig } from '../values.js';
import { quilAssets } from './context.js';

const MEETING_FIELDS: Record<string, string> = {
  meetingId: 'id',
  meetingName: 'name',
  startTime: 'startTime',
  ownerName: 'ownerName',
  participants: 'participants',
  atsRecordName: 'atsRecordName',
  isPrivate: 'isPrivate',
};
const ASSET_FIELDS = ['transcriptionUrl', 'recordingUrl', 'actionItemsUrl', 'followUpMaterials'];

/** Quil's Auto-mode sections: flat camelCase fields like the vendor's own names. */
export const quilSections: ProviderSection[] = [
  topLevelSection('event', 'Event', 'id, eventType, createdAt of the webhook event', [
    'id',
    'eventType',
    'createdAt',
  ]),
  section(
    'meeting',
    'Meeting',
    'data.meeting flattened; id and name become meetingId and meetingName',
    Object.keys(MEETING_FIELDS),
    (payload) =>
      Object.fromEntries(
        Object.entries(MEETING_FIELDS).map(([out, key]) => [out, dig(payload, 'data', 'meeting', key)]),
      ),
  ),
  section(
    'organization',
    'Organization',
    'data.organization: accountId, teamId',
    ['accountId', 'teamId'],
    (payload) => ({
      accountId: dig(payload, 'data', 'organization', 'accountId'),
      teamId: dig(payload, 'data', 'organization', 'teamId'),
    }),
  ),
  section(
    'notes',
    'Database Notes',
    'databaseNotes: inline [{name, note}] or a URL',
    ['databaseNotes'],
    (payload) => ({
      databaseNotes: quilAssets(payload)?.databaseNotes,
    }),
  ),
  section(
    'assets',
    'Assets',
    'transcriptionUrl, recordingUrl, actionItemsUrl, followUpMaterials',
    ASSET_FIELDS,
    (payload) => Object.fromEntries(ASSET_FIELDS.map((key) => [key, quilAssets(payload)?.[key]])),
  ),
];
