import {
  Codes,
  printType,
  type InferredMember,
  type InferredValue,
  type Requirement,
  type Type,
} from '@hookmap/core';
import { fit } from './fit.js';
import { fieldName, type Report } from './report.js';
import { escapePointerSegment as escape } from '@hookmap/core/tooling';

/**
 * Walks an inferred template beside the target's type: object and array templates member by member (so
 * a problem points at the member's own string), anything else by its type (`fit`).
 */
export function walk(value: InferredValue, target: Type, bodyPath: string, report: Report): void {
  if (target.unknown) return;
  if (value.branches) {
    for (const branch of value.branches) walk(branch, target, bodyPath, report);
    return;
  }
  if (value.members && target.object && !value.type.unknown)
    return walkObject(value, value.members, target, bodyPath, report);
  if (value.elements && target.array) {
    let sure = true;
    value.elements.forEach((element, i) => {
      walk(element, target.array!.items, `${bodyPath}/${sure ? i : '*'}`, report);
      if (element.omittable || element.branches) sure = false;
    });
    return;
  }
  if (value.each && target.array) return walk(value.each, target.array.items, `${bodyPath}/*`, report);
  fit(value.type, target, value.origin, bodyPath, report);
}

function walkObject(
  value: InferredValue,
  members: InferredMember[],
  target: Type,
  bodyPath: string,
  report: Report,
): void {
  const want = target.object!;
  const written = new Set<string>();
  for (const { key, value: member } of members) {
    // A templated key: its name is known only at render time.
    if (key === null) continue;
    written.add(key);
    const path = `${bodyPath}/${escape(key)}`;
    const prop = want.props.get(key);
    const into = prop?.type ?? want.rest;
    if (!into) {
      report.add(
        'warning',
        Codes.TARGET_UNKNOWN_FIELD,
        { ...member.origin, start: 0, end: 0, key: true },
        path,
        `${path} is not a field ${report.target.name} knows; the API rejects or ignores it. Known fields here: ${[...want.props.keys()].join(', ')}.`,
      );
      continue;
    }
    if (prop?.required && member.omittable) absentIntoRequired(member, path, report);
    walk(member, into, path, report);
  }
  if (members.some((m) => m.key === null)) return;
  for (const [key, prop] of want.props) {
    if (!prop.required || written.has(key)) continue;
    const path = `${bodyPath}/${escape(key)}`;
    report.add(
      'error',
      Codes.TARGET_REQUIRED,
      value.origin,
      path,
      `${path} is required by ${report.target.name}, but the template never writes it. Add "${key}".`,
    );
  }
  for (const requirement of want.requirements ?? []) {
    if (!mayApply(requirement, members)) continue;
    const sure = requirement.alternatives.some((keys) =>
      keys.every((k) => members.some((m) => m.key === k && !m.value.omittable)),
    );
    if (sure) continue;
    const options = requirement.alternatives.map((keys) => keys.join(' and ')).join(', or ');
    const text =
      requirement.alternatives.length > 1
        ? `needs ${options}`
        : `may need ${options} (a rule of its schema requires it in some cases)`;
    report.add(
      'warning',
      Codes.MAYBE_NULL,
      value.origin,
      bodyPath,
      `${fieldName(bodyPath)} ${text} for ${report.target.name}, and the template does not always write it.`,
    );
  }
}

/**
 * Whether a requirement may apply to what the template writes: its `if` conditions may hold (`then`),
 * or may fail (`else`). A condition on a member the template never writes, or writes as literals
 * outside the condition's values, cannot hold.
 */
function mayApply(requirement: Requirement, members: InferredMember[]): boolean {
  const states = requirement.when.map(({ key, values }) => {
    const written = members.filter((m) => m.key === key);
    if (written.length === 0) return 'never';
    const literals = written.map((m) => literalsOf(m.value.type));
    const inside = (v: unknown): boolean => values === null || values.includes(v);
    if (literals.every((l) => l !== null && !l.some(inside))) return 'never';
    const always =
      written.every((m) => !m.value.omittable) && literals.every((l) => l !== null && l.every(inside));
    return always ? 'always' : 'maybe';
  });
  if (requirement.otherwise) return !states.every((s) => s === 'always');
  return !states.some((s) => s === 'never');
}

/** The literal values of a type when it has only a few known ones (text, numbers, booleans). */
function literalsOf(t: Type): unknown[] | null {
  if (t.unknown || t.missing || t.null || t.array || t.object) return null;
  const out: unknown[] = [];
  if (t.true) out.push(true);
  if (t.false) out.push(false);
  for (const facet of [t.string, t.number]) {
    if (!facet) continue;
    if (facet.values === null) return null;
    out.push(...facet.values);
  }
  return out;
}

function absentIntoRequired(member: InferredValue, path: string, report: Report): void {
  if (member.optional) {
    report.add(
      'warning',
      Codes.OPTIONAL_REQUIRED,
      member.optional,
      path,
      `${fieldName(path)} is required by ${report.target.name}, but "optional" leaves it out when the value is empty (${printType(member.type)}): the request is then rejected. Give a fallback instead (?? "…").`,
    );
    return;
  }
  report.add(
    'warning',
    Codes.MAYBE_NULL,
    member.origin,
    path,
    `${fieldName(path)} is required by ${report.target.name}, but this may leave it out.`,
  );
}
