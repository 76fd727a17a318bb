import { compile } from '@hookmap/core';
const t: Record<string, string> = {};
for (let i = 0; i < 2000; i++) t[`k${i}`] = 'x'.repeat(1000);
try { compile(t); console.log('compiled: limit NOT enforced'); } catch (e) { console.log('threw', (e as Error).message.slice(0, 80)); }
const arr = Array.from({ length: 2000 }, () => 'y'.repeat(1000));
try { compile(arr as any); console.log('array compiled: limit NOT enforced'); } catch (e) { console.log('threw', (e as Error).message.slice(0, 80)); }
