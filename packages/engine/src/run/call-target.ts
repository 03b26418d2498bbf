/**
 * @module A resource method the engine calls: `resources.<resource>.<method>`, where it sits in the file, its
 * `records:` / `record:` expressions located and its pagination scheme looked up. Built with the plans, once.
 */
import type { PaginationScheme, ResourceMethod, ResourceMethodName } from '@switchboard/schema';
import type { CompiledIntegration } from '../config/compiled-integration.js';
import { toPointer } from '../config/json-pointer.js';
import { ConfigInvalid, UnknownResource, UnsupportedOperation } from '../errors.js';
import { createStrategy } from '../http/pagination/strategies.js';
import type { PaginationStrategy, StrategyContext } from '../http/pagination/strategy.js';
import { type LocatedExpression, locateExpression } from '../mapping/located-expression.js';
import { credentialParams } from './credential-params.js';
import { recordsKey } from './records-key.js';
import type { StaticSource } from './static-resource.js';

export interface CallTarget {
  resource: string;
  method: ResourceMethodName;
  definition: ResourceMethod;
  /** `/resources/<resource>/<method>` */
  pointer: string;
  /** `<resource>.<method>`, for traces and errors. */
  label: string;
  /** A static resource: its records come from the file; nothing is sent upstream. */
  static?: StaticSource;
  /** `records:` (lists; absent or `$`: the body is the records). */
  records?: LocatedExpression;
  /** `record:` (single reads; absent: the body is the record). */
  record?: LocatedExpression;
  /** The pagination scheme and its strategy, made once; absent when the method is not paginated. */
  paging?: { scheme: PaginationScheme; context: StrategyContext; strategy: PaginationStrategy };
  /**
   * Where a 2xx body holds the records when they can stay bytes (`records-key.ts`): null for the body itself, a
   * key of the root object; absent when they must be parsed.
   */
  recordsKey?: string | null;
}

/** What a static resource stands in for: it is never sent. */
const STATIC_METHOD: ResourceMethod = Object.freeze({ method: 'GET', path: '' });

const made = new WeakMap<CompiledIntegration, Map<string, CallTarget>>();

/**
 * The call target, made once per integration, resource and method: the plans ask at load, the Proxy API on every
 * call. Unknown or unsupported ones throw every time and are not remembered.
 */
export function callTarget(
  integration: CompiledIntegration,
  resource: string,
  method: ResourceMethodName,
): CallTarget {
  let targets = made.get(integration);
  if (targets === undefined) {
    targets = new Map();
    made.set(integration, targets);
  }
  const key = `${resource}.${method}`;
  let target = targets.get(key);
  if (target === undefined) {
    target = makeCallTarget(integration, resource, method);
    targets.set(key, target);
  }
  return target;
}

function makeCallTarget(
  integration: CompiledIntegration,
  resource: string,
  method: ResourceMethodName,
): CallTarget {
  const declared = Object.hasOwn(integration.definition.resources, resource)
    ? integration.definition.resources[resource]
    : undefined;
  if (!declared) {
    throw new UnknownResource(resource, { details: { integration: integration.name, resource } });
  }
  if (declared.static !== undefined) {
    if (method !== 'list' && method !== 'get') {
      throw new UnsupportedOperation(`${method} on the static resource ${resource}`, {
        details: { integration: integration.name, resource, method },
      });
    }
    return {
      resource,
      method,
      definition: STATIC_METHOD,
      pointer: toPointer(['resources', resource]),
      label: `${resource}.${method}`,
      static: { records: declared.static, key: declared.key ?? 'id' },
    };
  }
  const definition = declared[method];
  if (!definition) {
    throw new UnsupportedOperation(`${method} on resource ${resource}`, {
      details: { integration: integration.name, resource, method },
    });
  }
  const at = toPointer(['resources', resource, method]);
  const label = `${resource}.${method}`;
  const target: CallTarget = { resource, method, definition, pointer: at, label };
  if (definition.records !== undefined && definition.records.trim() !== '$') {
    target.records = locateExpression({ integration, pointer: `${at}/records`, what: `${label} records` });
  }
  if (definition.record !== undefined) {
    target.record = locateExpression({ integration, pointer: `${at}/record`, what: `${label} record` });
  }
  const paging = pagingOf(integration, definition.pagination, label, resource);
  if (paging) target.paging = paging;
  const key = recordsKey(definition, paging?.scheme);
  if (key !== undefined) target.recordsKey = key;
  return target;
}

function pagingOf(
  integration: CompiledIntegration,
  schemeName: string | undefined,
  label: string,
  resource: string,
): CallTarget['paging'] {
  if (schemeName === undefined) return undefined;
  const schemes = integration.definition.pagination ?? {};
  if (!Object.hasOwn(schemes, schemeName)) {
    throw new ConfigInvalid(`${label} uses the undeclared pagination scheme ${schemeName}`, {
      details: { integration: integration.name, resource },
    });
  }
  const scheme = schemes[schemeName] as PaginationScheme;
  const context: StrategyContext = {
    integration,
    pointer: toPointer(['pagination', schemeName]),
    label,
    credentialParams: credentialParams(integration),
  };
  return { scheme, context, strategy: createStrategy(scheme, context) };
}
