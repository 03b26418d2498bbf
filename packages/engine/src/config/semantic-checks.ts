/**
 * @module Stage 4: the semantic pass — what a JSON Schema cannot say. Each check is one file under `checks/`.
 */
import { checkConnectionDefaults } from './checks/connection-defaults.js';
import { checkDefinitionNames } from './checks/definition-names.js';
import { checkJsonataExpressions } from './checks/jsonata-expressions.js';
import { checkJwtKeys } from './checks/jwt-keys.js';
import { checkMapNames } from './checks/map-names.js';
import { checkNamedPlaceholderCalls } from './checks/named-placeholder-calls.js';
import { checkPaginationReferences } from './checks/pagination-references.js';
import { checkRateLimitPolicies } from './checks/rate-limit-policies.js';
import { checkRegularExpressions } from './checks/regular-expressions.js';
import { checkResourceReferences } from './checks/resource-references.js';
import { checkSecretHelperUsage } from './checks/secret-helper-usage.js';
import type { SemanticCheck } from './checks/semantic-check.js';
import { checkStaticResources } from './checks/static-resources.js';
import { checkTemplatePlaceholders } from './checks/template-placeholders.js';
import { checkUnifiedFilters } from './checks/unified-filters.js';
import { checkUnifiedOperationShape } from './checks/unified-operation-shape.js';

export const SEMANTIC_CHECKS: readonly SemanticCheck[] = [
  checkMapNames,
  checkPaginationReferences,
  checkResourceReferences,
  checkTemplatePlaceholders,
  checkNamedPlaceholderCalls,
  checkStaticResources,
  checkJsonataExpressions,
  checkDefinitionNames,
  checkUnifiedFilters,
  checkUnifiedOperationShape,
  checkRegularExpressions,
  checkConnectionDefaults,
  checkJwtKeys,
  checkRateLimitPolicies,
  checkSecretHelperUsage,
];
