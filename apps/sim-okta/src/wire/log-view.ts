/** @module A System Log event (LogEvent) as `GET /api/v1/logs` returns it. */
import { iso } from '@switchboard/sim-kit';
import type { LogEventRecord } from '../data/records.js';

export function logView(event: LogEventRecord): Record<string, unknown> {
  const browser = event.userAgent.includes('Firefox')
    ? 'FIREFOX'
    : event.userAgent.includes('Chrome')
      ? 'CHROME'
      : 'UNKNOWN';
  return {
    actor: { ...event.actor, detailEntry: null },
    client: {
      userAgent: {
        rawUserAgent: event.userAgent,
        os: event.userAgent.includes('Windows')
          ? 'Windows'
          : event.userAgent.includes('Mac')
            ? 'Mac OS X'
            : 'Linux',
        browser,
      },
      zone: 'null',
      device: browser === 'UNKNOWN' ? 'Unknown' : 'Computer',
      id: null,
      ipAddress: event.ipAddress,
      geographicalContext: {
        ...event.geo,
        geolocation: { lat: 37.7749, lon: -122.4194 },
      },
    },
    device: null,
    authenticationContext: {
      authenticationProvider: null,
      credentialProvider: null,
      credentialType: null,
      issuer: null,
      interface: null,
      authenticationStep: 0,
      externalSessionId: `trs${event.transactionId.slice(3)}`,
    },
    displayMessage: event.displayMessage,
    eventType: event.eventType,
    outcome: event.outcome,
    published: iso(event.published),
    securityContext: { asNumber: null, asOrg: null, isp: null, domain: null, isProxy: null },
    severity: event.severity,
    debugContext: {
      debugData: { requestId: event.transactionId, requestUri: '/api/v1/authn', url: '/api/v1/authn?' },
    },
    legacyEventType: event.legacyEventType,
    transaction: { type: 'WEB', id: event.transactionId, detail: {} },
    uuid: event.uuid,
    version: '0',
    request: {
      ipChain: [{ ip: event.ipAddress, geographicalContext: event.geo, version: 'V4', source: null }],
    },
    target: event.target,
  };
}
