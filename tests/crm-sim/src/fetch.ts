import { moduleForHost } from './crms/index.js';
import type { CrmSim } from './sim.js';

type Fetch = typeof globalThis.fetch;

/**
 * A fetch that sends every CRM request to the simulator: `https://api.hubapi.com/x` becomes `${sim.url}/hubspot/x`
 * (and so for each CRM's hosts); URLs already on the simulator pass. Anything else is refused, so a test can
 * never reach a real CRM.
 */
export function simFetch(sim: Pick<CrmSim, 'url'>, base: Fetch = globalThis.fetch): Fetch {
  return (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (url.origin === new URL(sim.url).origin) return base(url, init);
    const module = moduleForHost(url.hostname);
    if (!module)
      return Promise.reject(
        new TypeError(`simFetch: ${url.hostname} is not a CRM the simulator answers for`),
      );
    return base(`${sim.url}/${module.id}${url.pathname}${url.search}`, init);
  };
}
