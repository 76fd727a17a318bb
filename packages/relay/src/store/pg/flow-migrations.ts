/**
 * Flows (SPEC §9): an attempt of a flow is one row per step, all with the attempt's number, so an
 * attempt row is unique per (delivery, number, step) — `step_id` is '' for a single request. Versions
 * 200 and up, apart from the main list and the operations' 100s so that branches do not collide.
 */
export const flowMigrations: { version: number; sql: string }[] = [
  {
    version: 200,
    sql: `
ALTER TABLE attempts ADD COLUMN step_id text NOT NULL DEFAULT '';
ALTER TABLE attempts ADD COLUMN step_skipped boolean;
ALTER TABLE attempts ADD COLUMN step_result json;
ALTER TABLE attempts DROP CONSTRAINT IF EXISTS attempts_delivery_id_number_key;
ALTER TABLE attempts ADD CONSTRAINT attempts_delivery_number_step UNIQUE (delivery_id, number, step_id);
`,
  },
];
