import { bigOtterPayload } from './otter-payload.js';
import { copies, embed } from './types.js';
import type { BenchCase } from './types.js';

type Obj = Record<string, unknown>;

/** An Otter conversation mapped to a HubSpot note: ten properties, two of them joins. */
const hookmap = {
  properties: {
    hs_timestamp: '{{ data.created_at }}',
    hs_note_body: '<p><b>{{ data.title }}</b></p><p>{{ data.abstract_summary }}</p>',
    otter_conversation_id: '{{ data.id }}',
    otter_url: '{{ data.url }}',
    owner_email: '{{ data.owner.email }}',
    action_items: '{{ data.relationships.action_items | map: "text" | join: "; " }}',
    action_item_count: '{{ data.relationships.action_items | size }}',
    guest_emails: '{{ data.calendar_guests | map: "email" | join: ", " }}',
    transcript: '{{ data.relationships.transcript.content }}',
    source_channel: '{{ meta.webhook.source.name }}',
  },
};

const handlebarsFields = {
  properties: {
    ...hookmap.properties,
    action_items: '{{join (map data.relationships.action_items "text") "; "}}',
    action_item_count: '{{size data.relationships.action_items}}',
    guest_emails: '{{join (map data.calendar_guests "email") ", "}}',
  },
};

const handlebarsJson =
  '{"properties":{"hs_timestamp":{{json data.created_at}},' +
  '"hs_note_body":"<p><b>{{jstr data.title}}</b></p><p>{{jstr data.abstract_summary}}</p>",' +
  '"otter_conversation_id":{{json data.id}},"otter_url":{{json data.url}},"owner_email":{{json data.owner.email}},' +
  '"action_items":{{json (join (map data.relationships.action_items "text") "; ")}},' +
  '"action_item_count":{{size data.relationships.action_items}},' +
  '"guest_emails":{{json (join (map data.calendar_guests "email") ", ")}},' +
  '"transcript":{{json data.relationships.transcript.content}},"source_channel":{{json meta.webhook.source.name}} }}';

const liquid =
  '{"properties":{"hs_timestamp":{{ data.created_at | json }},' +
  '"hs_note_body":{% capture body %}<p><b>{{ data.title }}</b></p><p>{{ data.abstract_summary }}</p>{% endcapture %}{{ body | json }},' +
  '"otter_conversation_id":{{ data.id | json }},"otter_url":{{ data.url | json }},"owner_email":{{ data.owner.email | json }},' +
  '"action_items":{{ data.relationships.action_items | map: "text" | join: "; " | json }},' +
  '"action_item_count":{{ data.relationships.action_items | size }},' +
  '"guest_emails":{{ data.calendar_guests | map: "email" | join: ", " | json }},' +
  '"transcript":{{ data.relationships.transcript.content | json }},"source_channel":{{ meta.webhook.source.name | json }}}}';

function jsoneJoin(list: string, field: string, separator: string) {
  return {
    $let: { texts: { $map: { $eval: list }, 'each(x)': { $eval: `x.${field}` } } },
    in: { $eval: `join(texts, "${separator}")` },
  };
}

const jsone = {
  properties: {
    hs_timestamp: { $eval: 'data.created_at' },
    hs_note_body: '<p><b>${data.title}</b></p><p>${data.abstract_summary}</p>',
    otter_conversation_id: { $eval: 'data.id' },
    otter_url: { $eval: 'data.url' },
    owner_email: { $eval: 'data.owner.email' },
    action_items: jsoneJoin('data.relationships.action_items', 'text', '; '),
    action_item_count: { $eval: 'len(data.relationships.action_items)' },
    guest_emails: jsoneJoin('data.calendar_guests', 'email', ', '),
    transcript: { $eval: 'data.relationships.transcript.content' },
    source_channel: { $eval: 'meta.webhook.source.name' },
  },
};

const jsonata = `{"properties": {
  "hs_timestamp": data.created_at,
  "hs_note_body": "<p><b>" & data.title & "</b></p><p>" & data.abstract_summary & "</p>",
  "otter_conversation_id": data.id,
  "otter_url": data.url,
  "owner_email": data.owner.email,
  "action_items": $join(data.relationships.action_items.text, "; "),
  "action_item_count": $count(data.relationships.action_items),
  "guest_emails": $join(data.calendar_guests.email, ", "),
  "transcript": data.relationships.transcript.content,
  "source_channel": meta.webhook.source.name
}}`;

function joinField(list: unknown, field: string, separator: string): string | null {
  if (!Array.isArray(list)) return null;
  return list.map((item: Obj | null) => item?.[field]).join(separator);
}

/** The limit: the same note built by hand, null-safe like the template. */
export function otterHandWritten(context: object): unknown {
  const ctx = context as Obj;
  const data = ctx.data as Obj | undefined;
  const rel = data?.relationships as Obj | undefined;
  const items = rel?.action_items;
  const webhook = (ctx.meta as Obj | undefined)?.webhook as Obj | undefined;
  return {
    properties: {
      hs_timestamp: data?.created_at ?? null,
      hs_note_body: `<p><b>${embed(data?.title)}</b></p><p>${embed(data?.abstract_summary)}</p>`,
      otter_conversation_id: data?.id ?? null,
      otter_url: data?.url ?? null,
      owner_email: (data?.owner as Obj | undefined)?.email ?? null,
      action_items: joinField(items, 'text', '; '),
      action_item_count: Array.isArray(items) ? items.length : 0,
      guest_emails: joinField(data?.calendar_guests, 'email', ', '),
      transcript: (rel?.transcript as Obj | undefined)?.content ?? null,
      source_channel: (webhook?.source as Obj | undefined)?.name ?? null,
    },
  };
}

export const otterCase: BenchCase = {
  id: 'b-otter',
  title: '(b) Otter, 200 KB transcript + 50 action items -> HubSpot note (10 fields, 2 joins)',
  contexts: (count) => copies(bigOtterPayload(), count),
  handWritten: otterHandWritten,
  templates: { hookmap, handlebarsFields, handlebarsJson, liquid, jsone, jsonata },
  unsupported: {
    mustache: 'logic-less: no join with separators (needs view lambdas, i.e. hand-written code)',
  },
};
