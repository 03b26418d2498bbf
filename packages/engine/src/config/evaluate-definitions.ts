/**
 * @module Stage 5: `definitions:` are evaluated, in file order, once per load. Each runs with no input and the
 * definitions above it in scope. A failure is reported at the failing token inside the YAML, like a syntax
 * error. So is a value that cannot be shared (see `DefinitionScope.add`) and a name that would hide a JSONata
 * function. Asynchronous because jsonata evaluates asynchronously.
 */
import { DefinitionScope } from '../mapping/definition-scope.js';
import {
  type CompiledExpression,
  compileExpression,
  DEFAULT_GUARDRAILS,
  evaluateCompiledDefinition,
  interpretedWithDefinitionsOf,
  isFunctionLiteral,
  namesUsedBy,
} from '../mapping/expression.js';
import { scalarIssue } from './checks/scalar-issue.js';
import type { CheckContext } from './checks/semantic-check.js';
import { badTokenOffset } from './expression-error-offset.js';
import type { IssueDraft } from './issue-draft.js';
import { childPointer } from './json-pointer.js';
import { isPlainObject } from './plain-object.js';

export interface EvaluatedDefinitions {
  /** Absent when the file has no `definitions:`. */
  scope?: DefinitionScope;
  issues: IssueDraft[];
}

/** Runs after a clean semantic pass, so every definition is a compiled expression in `context.expressions`. */
export async function evaluateDefinitions(context: CheckContext): Promise<EvaluatedDefinitions> {
  const definitions = isPlainObject(context.data) ? context.data['definitions'] : undefined;
  if (!isPlainObject(definitions)) return { issues: [] };
  const scope = new DefinitionScope(DEFAULT_GUARDRAILS);
  const issues: IssueDraft[] = [];
  for (const name of Object.keys(definitions)) {
    const pointer = childPointer('/definitions', name);
    const compiled = context.expressions.get(pointer);
    if (compiled === undefined) continue;
    if (await isJsonataFunction(name)) {
      issues.push({
        pointer,
        at: 'key',
        message: `definition \`${name}\` would hide JSONata's \`$${name}\` function; choose another name`,
      });
      continue;
    }
    const outcome = await evaluate(compiled, scope);
    if ('error' in outcome) {
      const offset = errorOffset(compiled.source, outcome.error);
      const message = `definition \`${name}\` failed at load: ${outcome.error.message}`;
      issues.push(scalarIssue(context, pointer, offset, message));
      continue;
    }
    const functionLiteral = isFunctionLiteral(compiled);
    const problem = scope.add(name, outcome.value, functionLiteral);
    if (problem !== undefined) issues.push({ pointer, message: `definition \`${name}\` ${problem}` });
    else if (functionLiteral && compiled.mode === 'compiled') {
      // The same function for compiled expressions: a closure over the compiled definitions (no clock read:
      // making a function literal evaluates nothing but the literal).
      scope.addCompiled(name, evaluateCompiledDefinition(compiled, scope), namesUsedBy(compiled));
    }
  }
  return { scope, issues };
}

interface EvaluationError {
  message: string;
  position: number | undefined;
  /** The function or operator jsonata names, e.g. `number` for `$number(…)`. */
  token: string | undefined;
}

async function evaluate(
  compiled: CompiledExpression,
  scope: DefinitionScope,
): Promise<{ value: unknown } | { error: EvaluationError }> {
  try {
    return { value: await interpretedWithDefinitionsOf(compiled, scope).evaluate(undefined, {}) };
  } catch (error) {
    const e = error !== null && typeof error === 'object' ? (error as Record<string, unknown>) : {};
    return {
      error: {
        message: typeof e['message'] === 'string' ? e['message'] : String(error),
        position: typeof e['position'] === 'number' ? e['position'] : undefined,
        token: typeof e['token'] === 'string' && e['token'] !== '' ? e['token'] : undefined,
      },
    };
  }
}

/** Where in the source a run-time error points: the `$function` it names, else the token before `position`. */
function errorOffset(source: string, error: EvaluationError): number {
  const { message, position, token } = error;
  if (position === undefined) return 0;
  if (token !== undefined) {
    const at = source.lastIndexOf(token, position);
    if (at !== -1) return source[at - 1] === '$' ? at - 1 : at;
  }
  return badTokenOffset(source, { message, position });
}

const PROBES = new Map<string, boolean>();

/** Whether `$name` already means something in every expression (a JSONata function, or the disabled `$eval`). */
async function isJsonataFunction(name: string): Promise<boolean> {
  let known = PROBES.get(name);
  if (known === undefined) {
    const probe = compileExpression(`$${name}`);
    known = 'evaluate' in probe && (await probe.evaluate(undefined)) !== undefined;
    PROBES.set(name, known);
  }
  return known;
}
