import { attendee } from './attendee/index.js';
import { osvi } from './osvi/index.js';
import { otonistark } from './otonistark/index.js';
import { otter } from './otter/index.js';
import type { HookmapProvider } from './provider.js';
import { quil } from './quil/index.js';

export const providers: readonly HookmapProvider[] = [otter, quil, otonistark, attendee, osvi];

export const providersById: Readonly<Record<string, HookmapProvider>> = Object.fromEntries(
  providers.map((provider) => [provider.id, provider]),
);

export function getProvider(id: string): HookmapProvider | null {
  return Object.hasOwn(providersById, id) ? (providersById[id] ?? null) : null;
}
