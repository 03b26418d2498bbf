/**
 * @module The methods a proxy resource answers: the ones it declares, in the format's order, and `list` + `get`
 * for a static resource (its records come from the file; it declares no methods).
 */
import { type Resource, ResourceMethodName } from '@switchboard/schema';

// The schema lists them in the order a reader expects (list, get, create, update, delete).
const METHODS = (ResourceMethodName as unknown as { enum: readonly string[] }).enum;

export function proxyMethodsOf(resource: Resource): string[] {
  if (resource.static !== undefined) return ['list', 'get'];
  return METHODS.filter((method) => resource[method as keyof Resource] !== undefined);
}
