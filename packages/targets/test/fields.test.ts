import { describe, expect, it } from 'vitest';
import { flattenSchema, getTarget, targets } from '../src/index.js';

describe('target fields', () => {
  it('lists nested body fields with pointers, required flags and hints', () => {
    const fields = getTarget('hubspot.call')?.fields ?? [];
    const timestamp = fields.find((f) => f.pointer === '/properties/hs_timestamp');
    expect(timestamp).toMatchObject({ name: 'hs_timestamp', required: true, type: 'string' });
    expect(timestamp?.hint).toContain('ISO-8601');
    expect(fields.find((f) => f.pointer === '/associations/0/types/0/associationTypeId')).toMatchObject({
      type: 'integer',
      required: false,
      requiredInParent: true,
    });
    const zoho = getTarget('zoho.note')?.fields ?? [];
    expect(zoho.find((f) => f.pointer === '/data/0/Parent_Id/module')).toMatchObject({ required: true });
    // The module is named by its API name or by its id: neither alone is required.
    expect(zoho.find((f) => f.pointer === '/data/0/Parent_Id/module/api_name')).toMatchObject({
      required: false,
    });
    expect(getTarget('salesforce.task')?.fields.find((f) => f.pointer === '/Status')?.examples).toContain(
      'Completed',
    );
    expect(zoho.find((f) => f.pointer === '/data/0/Note_Title')).toMatchObject({
      required: false,
      requiredInParent: false,
    });
    expect(fields.find((f) => f.pointer === '/properties/hs_call_direction')?.enum).toEqual([
      'INBOUND',
      'OUTBOUND',
    ]);
  });

  it('escapes pointer segments and marks read-only fields', () => {
    expect(flattenSchema({ type: 'object', properties: { 'a/b': { type: 'string' } } })[0]?.pointer).toBe(
      '/a~1b',
    );
    expect(getTarget('pipedrive.activity')?.fields.find((f) => f.name === 'person_id')?.type).toBe('never');
  });

  it('gives every target an id, a method, an https URL pattern, declared secrets and fields', () => {
    const ids = targets.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const target of targets) {
      expect(target.id.startsWith(`${target.crm}.`)).toBe(true);
      expect(target.fields.length).toBeGreaterThan(0);
      const used =
        [target.url, ...Object.values(target.headers)].join(' ').match(/secrets\.([A-Z0-9_]+)/g) ?? [];
      expect(new Set(used.map((s) => s.slice('secrets.'.length)))).toEqual(new Set(target.secrets));
      const read =
        [target.url, ...Object.values(target.headers)].join(' ').match(/connection\.([a-z_]+)/g) ?? [];
      const names = new Set(read.map((s) => s.slice('connection.'.length)));
      expect(names, target.id).toEqual(
        new Set(target.auth?.default === 'connection' ? target.auth.oauth.names : []),
      );
      expect(target.url).toMatch(/^(https:\/\/|\{\{secrets\.|\{\{ connection\.)/);
    }
  });
});
