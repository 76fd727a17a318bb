import { getProvider } from '@hookmap/providers';
import { describe, expect, it } from 'vitest';
import { checkIntegrationTypes } from '../src/index.js';

const otter = getProvider('otter')!;

function task(status: string): object {
  return {
    url: '{{ secrets.SALESFORCE_INSTANCE_URL }}/services/data/v68.0/sobjects/Task',
    body: { mode: 'template', template: { Subject: '{{ common.title ?? "Meeting" }}', Status: status } },
  };
}

describe('checkIntegrationTypes', () => {
  it("reads the account's picklists as enums: a literal outside one is an error (H504)", () => {
    const free = checkIntegrationTypes(task('Finished'), { provider: otter, target: 'salesforce.task' });
    expect(free.diagnostics.filter((d) => d.code === 'H504')).toEqual([]);
    const configured = checkIntegrationTypes(task('Finished'), {
      provider: otter,
      target: 'salesforce.task',
      picklists: { Status: ['Open', 'Completed'] },
    });
    expect(configured.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'H504',
        severity: 'error',
        path: '/body/template/Status',
        bodyPath: '/Status',
      }),
    );
    const ok = checkIntegrationTypes(task('Completed'), {
      provider: otter,
      target: 'salesforce.task',
      picklists: { Status: ['Open', 'Completed'] },
    });
    expect(ok.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('checks the last step of a flow against the target', () => {
    const flow = {
      steps: [
        {
          id: 'find',
          method: 'GET',
          url: 'https://api.hubapi.com/crm/v3/objects/contacts/{{ common.id }}',
          result: '{{ response.body.id }}',
        },
        {
          id: 'note',
          url: 'https://api.hubapi.com/crm/objects/2026-09/notes',
          body: {
            mode: 'template',
            template: {
              properties: { hs_timestamp: "{{ 'now' | iso }}" },
              associations: '{{ steps.find.status }}',
            },
          },
        },
      ],
    };
    const checked = checkIntegrationTypes(flow, { provider: otter, target: 'hubspot.note' });
    expect(checked.steps?.map((s) => s.id)).toEqual(['find', 'note']);
    expect(checked.diagnostics.map((d) => [d.code, d.path])).toContainEqual([
      'H503',
      '/steps/1/body/template/associations',
    ]);
  });
});
