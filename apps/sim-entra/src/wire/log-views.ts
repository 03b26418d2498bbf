/** @module Directory audit entries and sign-ins as `/auditLogs/*` returns them (entra-api.md §7). */
import { preciseIso } from '../data/graph-time.js';
import type { DirectoryAuditRecord, SignInRecord } from '../data/records.js';
import type { EntityShape } from '../odata/select.js';

const AUDIT_PROPERTIES = [
  'id',
  'category',
  'correlationId',
  'result',
  'resultReason',
  'activityDisplayName',
  'activityDateTime',
  'loggedByService',
  'operationType',
  'initiatedBy',
  'targetResources',
  'additionalDetails',
];
export const AUDIT_SHAPE: EntityShape = {
  typeName: 'microsoft.graph.directoryAudit',
  properties: AUDIT_PROPERTIES,
  defaults: AUDIT_PROPERTIES,
};

export function auditView(audit: DirectoryAuditRecord): Record<string, unknown> {
  return {
    id: audit.id,
    category: audit.category,
    correlationId: audit.correlationId,
    result: audit.result,
    resultReason: audit.resultReason,
    activityDisplayName: audit.activityDisplayName,
    activityDateTime: preciseIso(audit.activityDateTime),
    loggedByService: audit.loggedByService,
    operationType: audit.operationType,
    initiatedBy: {
      user: audit.initiatedBy.user === undefined ? null : { ...audit.initiatedBy.user },
      app: audit.initiatedBy.app === undefined ? null : { ...audit.initiatedBy.app },
    },
    targetResources: audit.targetResources.map((target) => ({
      id: target.id,
      displayName: target.displayName,
      type: target.type,
      userPrincipalName: target.userPrincipalName,
      groupType: target.groupType,
      modifiedProperties: target.modifiedProperties.map((property) => ({ ...property })),
    })),
    additionalDetails: audit.additionalDetails.map((detail) => ({ ...detail })),
  };
}

const SIGN_IN_PROPERTIES = [
  'id',
  'createdDateTime',
  'userDisplayName',
  'userPrincipalName',
  'userId',
  'appId',
  'appDisplayName',
  'ipAddress',
  'clientAppUsed',
  'correlationId',
  'conditionalAccessStatus',
  'isInteractive',
  'riskDetail',
  'riskLevelAggregated',
  'riskLevelDuringSignIn',
  'riskState',
  'riskEventTypes_v2',
  'resourceDisplayName',
  'resourceId',
  'status',
  'deviceDetail',
  'location',
  'appliedConditionalAccessPolicies',
];
export const SIGN_IN_SHAPE: EntityShape = {
  typeName: 'microsoft.graph.signIn',
  properties: SIGN_IN_PROPERTIES,
  defaults: SIGN_IN_PROPERTIES,
};

export function signInView(signIn: SignInRecord): Record<string, unknown> {
  return {
    id: signIn.id,
    createdDateTime: preciseIso(signIn.createdDateTime),
    userDisplayName: signIn.userDisplayName,
    userPrincipalName: signIn.userPrincipalName,
    userId: signIn.userId,
    appId: signIn.appId,
    appDisplayName: signIn.appDisplayName,
    ipAddress: signIn.ipAddress,
    clientAppUsed: signIn.clientAppUsed,
    correlationId: signIn.correlationId,
    conditionalAccessStatus: signIn.conditionalAccessStatus,
    isInteractive: signIn.isInteractive,
    riskDetail: 'none',
    riskLevelAggregated: 'none',
    riskLevelDuringSignIn: signIn.riskLevelDuringSignIn,
    riskState: 'none',
    riskEventTypes_v2: [],
    resourceDisplayName: 'Microsoft Graph',
    resourceId: '00000003-0000-0000-c000-000000000000',
    status: {
      errorCode: signIn.errorCode,
      failureReason: signIn.failureReason,
      additionalDetails: signIn.errorCode === 0 ? null : 'The user did not complete the sign-in.',
    },
    deviceDetail: {
      deviceId: '',
      displayName: null,
      operatingSystem: signIn.operatingSystem,
      browser: signIn.browser,
      isCompliant: false,
      isManaged: false,
      trustType: null,
    },
    location: {
      city: signIn.location.city,
      state: signIn.location.state,
      countryOrRegion: signIn.location.countryOrRegion,
      geoCoordinates: {
        altitude: null,
        latitude: signIn.location.latitude,
        longitude: signIn.location.longitude,
      },
    },
    appliedConditionalAccessPolicies: [],
  };
}
