/**
 * @module Places the engine's `InvalidInput` problems (`details.problems` from `checkConnection`, each
 * `{ field, message }` with a message like "is required") next to the fields they are about, as sentences
 * that name the field ("Subdomain is required."). A problem about no declared field is shown above the form.
 */
import type { SwitchboardError } from '@switchboard/errors';
import type { DeclaredFields } from './form-values.js';

export interface ConnectionProblems {
  /** Field name → message. */
  byField: Record<string, string>;
  /** Problems about no particular declared field. */
  general: string[];
}

export function connectionProblems(error: SwitchboardError, fields: DeclaredFields): ConnectionProblems {
  const byField: Record<string, string> = {};
  const general: string[] = [];
  const listed = problemsOf(error.details);
  for (const problem of listed) {
    const field = Object.hasOwn(fields, problem.field) ? fields[problem.field] : undefined;
    if (field === undefined) general.push(sentence(problem.message));
    else byField[problem.field] ??= sentence(`${field.label} ${problem.message}`);
  }
  if (listed.length === 0) general.push(sentence(error.message));
  return { byField, general };
}

function problemsOf(details: Record<string, unknown>): { field: string; message: string }[] {
  const problems = details['problems'];
  if (!Array.isArray(problems)) return [];
  return problems.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { field, message } = entry as Record<string, unknown>;
    return typeof message === 'string' ? [{ field: typeof field === 'string' ? field : '', message }] : [];
  });
}

function sentence(text: string): string {
  const capitalized = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalized) ? capitalized : `${capitalized}.`;
}
