/** Reading and checking the settings (`settings.ts`): every problem at once, each naming its variable. */
import type { RelayOptions } from './config.js';
import { settings } from './settings.js';

export interface ConfigProblem {
  /** The environment variable, or `options.<name>` for a value given to `startRelay`. */
  variable: string;
  value: string;
  accepts: string;
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: ConfigProblem[]) {
    super(
      `invalid configuration: ${problems.map((p) => `${p.variable}=${JSON.stringify(p.value)} is not accepted; expected ${p.accepts}`).join('; ')}`,
    );
    this.name = 'ConfigError';
  }
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Options from `HOOKMAP_*` variables and `DATABASE_URL` (documented in README.md). Throws ConfigError. */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): RelayOptions {
  const out: Record<string, unknown> = {};
  const problems: ConfigProblem[] = [];
  for (const s of settings) {
    const variable = s.env.find((name) => env[name] !== undefined && env[name] !== '');
    if (!variable) continue;
    const raw = env[variable]!;
    const parsed = s.text.safeParse(raw);
    if (parsed.success) out[s.option] = parsed.data;
    else problems.push({ variable, value: raw, accepts: s.accepts });
  }
  if (problems.length) throw new ConfigError(problems);
  return out as RelayOptions;
}

/** Checks values given to `startRelay` (the same rules as the variables). Throws ConfigError. */
export function checkOptions(options: RelayOptions): void {
  const given = options as Record<string, unknown>;
  const problems: ConfigProblem[] = [];
  for (const s of settings) {
    const value = given[s.option];
    if (value === undefined || value === '') continue; // as an unset variable: the default
    if (!s.value.safeParse(value).success) {
      const variable = s.env[0] ? `${s.env[0]} (options.${s.option})` : `options.${s.option}`;
      problems.push({ variable, value: shown(value), accepts: s.accepts });
    }
  }
  if (problems.length) throw new ConfigError(problems);
}

/** A list option may be given as one comma-separated string. */
export function asList(value: string | readonly string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [...value];
}
