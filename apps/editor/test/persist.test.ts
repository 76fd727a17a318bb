import { describe, expect, it } from 'vitest';
import { decodeShareHash, encodeShareHash } from '../src/persist.js';
import { checkIntegrationShape, docToIntegration, integrationToDoc, emptyDoc } from '../src/integration.js';

describe('share links', () => {
  it('round-trips the doc through the URL hash, unicode included', () => {
    const doc = { ...emptyDoc, name: 'Café → CRM ✓', templateText: '{"a": "{{ b }}"}' };
    const hash = encodeShareHash(doc);
    expect(hash).toMatch(/^#s=[A-Za-z0-9_-]+$/);
    expect(decodeShareHash(hash)).toEqual(doc);
  });

  it('ignores hashes that are not share links or are corrupt', () => {
    expect(decodeShareHash('#other')).toBeNull();
    expect(decodeShareHash('#s=%%%')).toBeNull();
  });
});

describe('doc ⇄ integration', () => {
  it('converts every body mode both ways', () => {
    const doc = {
      ...emptyDoc,
      headers: [
        { name: 'X-A', value: '1' },
        { name: ' ', value: 'ignored' },
      ],
      templateText: '{"x": 1}',
    };
    const result = docToIntegration(doc);
    expect(result.integration).toHaveProperty('body', { mode: 'template', template: { x: 1 } });
    expect(result.integration?.headers).toEqual({ 'X-A': '1' });
    const text = docToIntegration({
      ...doc,
      bodyMode: 'text',
      textTemplate: 'hi {{a}}',
      engine: 'handlebars',
    });
    expect(text.integration).toHaveProperty('body', {
      mode: 'text',
      template: 'hi {{a}}',
      engine: 'handlebars',
      contentType: 'text/plain',
    });
    const back = integrationToDoc({ url: 'u', body: { mode: 'auto', sections: ['s1'] } }, doc);
    expect(back).toMatchObject({ url: 'u', bodyMode: 'auto', sections: ['s1'], method: 'POST', headers: [] });
  });

  it('carries the events filter both ways, and leaves it out when it is empty', () => {
    expect(docToIntegration(emptyDoc).integration).not.toHaveProperty('events');
    const filtered = docToIntegration({ ...emptyDoc, events: ['transcript.update'] }).integration;
    expect(filtered?.events).toEqual(['transcript.update']);
    expect(integrationToDoc({ url: 'u', events: ['bot.state_change'] }, emptyDoc).events).toEqual([
      'bot.state_change',
    ]);
    expect(integrationToDoc({ url: 'u' }, { ...emptyDoc, events: ['x'] }).events).toEqual([]);
    expect(docToIntegration({ ...emptyDoc, when: '  ' }).integration).not.toHaveProperty('when');
    expect(docToIntegration({ ...emptyDoc, when: " {{ a == 'b' }} " }).integration?.when).toBe(
      "{{ a == 'b' }}",
    );
    expect(integrationToDoc({ url: 'u', when: '{{ x }}' }, emptyDoc).when).toBe('{{ x }}');
  });

  it('reports an invalid JSON template instead of rendering it', () => {
    expect(docToIntegration({ ...emptyDoc, templateText: '{"x": }' }).error).toMatch(/not valid JSON/);
  });

  it('checks the shape of imported documents', () => {
    expect(checkIntegrationShape({ url: 'x', body: { mode: 'template', template: {} } })).toBeNull();
    expect(checkIntegrationShape([])).toMatch(/object/);
    expect(checkIntegrationShape({ url: 'x', method: 'FETCH' })).toMatch(/method/);
    expect(checkIntegrationShape({ url: 'x', body: { mode: 'xml' } })).toMatch(/body.mode/);
  });
});

describe('share links with a pasted payload', () => {
  it('carry the doc and the payload, compressed, and read back', async () => {
    const { decodeShareLink, encodeShareLink } = await import('../src/persist.js');
    const payload = {
      text: JSON.stringify({ ticket: { id: 7, note: 'é'.repeat(2000) } }),
      name: 'ticket.json',
    };
    const link = await encodeShareLink({ ...emptyDoc, sampleId: null }, payload);
    expect(link.payloadLeftOut).toBe(false);
    expect(link.hash).toMatch(/^#z=[A-Za-z0-9_-]+$/);
    expect(link.hash.length).toBeLessThan(payload.text.length / 4);
    expect(await decodeShareLink(link.hash)).toEqual({ doc: { ...emptyDoc, sampleId: null }, payload });
  });

  it('leave a payload too large for a link out, and say so', async () => {
    const { encodeShareLink, decodeShareLink, MAX_SHARE_HASH } = await import('../src/persist.js');
    // Random text does not compress: far past the limit.
    const noise = Array.from(
      [...crypto.getRandomValues(new Uint8Array(60_000)), ...crypto.getRandomValues(new Uint8Array(60_000))],
      (b) => String.fromCharCode(48 + (b % 74)),
    ).join('');
    const link = await encodeShareLink(emptyDoc, { text: JSON.stringify({ noise }), name: 'big.json' });
    expect(link.payloadLeftOut).toBe(true);
    if (link.payloadLeftOut) expect(link.reason).toMatch(/too large for a link .* the limit is 64 KB/);
    expect(link.hash.length).toBeLessThanOrEqual(MAX_SHARE_HASH);
    expect((await decodeShareLink(link.hash))?.payload).toBeNull();
  });

  it('still open the old doc-only links, and ignore corrupt ones', async () => {
    const { decodeShareLink } = await import('../src/persist.js');
    expect(await decodeShareLink(encodeShareHash(emptyDoc))).toEqual({ doc: emptyDoc, payload: null });
    expect(await decodeShareLink('#z=%%%')).toBeNull();
  });
});
