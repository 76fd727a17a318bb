/** Import / export of the integration JSON and the shareable link. */
import { docToIntegration, checkIntegrationShape, integrationToDoc } from '../integration.js';
import type { Integration } from '@hookmap/core';
import { encodeShareLink } from '../persist.js';
import { getStore } from '../store.js';

export function exportIntegration(): void {
  const store = getStore();
  const result = docToIntegration(store.getState().doc);
  if (result.error !== null) {
    store.updateUi({ toast: result.error });
    return;
  }
  const blob = new Blob([JSON.stringify(result.integration, null, 2) + '\n'], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `${(result.integration.name ?? 'integration').replace(/[^\w.-]+/g, '-').toLowerCase()}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

export function importIntegrationText(text: string): void {
  const store = getStore();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    store.updateUi({ toast: `Not JSON: ${(error as Error).message}` });
    return;
  }
  const problem = checkIntegrationShape(value);
  if (problem) {
    store.updateUi({ toast: `Not an integration: ${problem}` });
    return;
  }
  const { doc } = store.getState();
  store.updateDoc(integrationToDoc(value as Integration, doc), 'edit');
  store.updateUi({ toast: 'Integration imported' });
}

export function pickAndImport(): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = 'application/json,.json';
  input.onchange = () => {
    const file = input.files?.[0];
    if (file) void file.text().then(importIntegrationText);
  };
  input.click();
}

export async function copyShareLink(): Promise<void> {
  const store = getStore();
  const { doc, ui } = store.getState();
  const payload =
    doc.sampleId === null && ui.customPayloadText !== null
      ? { text: ui.customPayloadText, name: ui.customPayloadName ?? 'Pasted payload' }
      : null;
  const link = await encodeShareLink(doc, payload);
  history.replaceState(null, '', link.hash);
  const where = await navigator.clipboard.writeText(location.href).then(
    () => 'copied to the clipboard',
    () => 'in the address bar',
  );
  store.updateUi({
    toast: link.payloadLeftOut ? `Share link ${where}. ${link.reason}` : `Share link ${where}`,
  });
}
