import { renderRequest } from '@hookmap/core';
import { providers } from '@hookmap/providers';
import { targets, starterIntegration, validateBody } from './src/index.js';
const secrets = { HUBSPOT_TOKEN: 't' };
for (const t of targets) {
  for (const p of providers) {
    const integ = starterIntegration(t.id, p.id);
    for (const s of p.samples) {
      try {
        const r = renderRequest(integ, s.payload, { provider: p, secrets });
        const errs = r.diagnostics.filter(d => d.severity === 'error');
        const v = validateBody(t.id, r.body);
        console.log(t.id, p.id, s.id, errs.map(d => d.code + d.message).join('|'), '=>', v.map(d => `${d.code}${d.path}`).join(' '));
      } catch (e) { console.log(t.id, p.id, s.id, 'THROW', (e as Error).message); }
    }
  }
}
