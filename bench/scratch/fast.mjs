import { compile } from '@hookmap/core';
import sample from '../cases/osvi-sample.json' with { type: 'json' };
const ctx = { ...sample, call_info: { call_log_id: sample.call_log_id, phone_number: sample.phone_number }, payload: sample };
const t = compile({ a: '{{call_summary}}', b: '{{structured_output}}', c: 'x {{call_log_id}} y', d: 'lit' });
for (let i = 0; i < 100000; i++) t.render(ctx);
const o = t.render(ctx);
console.log('fast', %HasFastProperties(o));
%DebugPrint(o);
