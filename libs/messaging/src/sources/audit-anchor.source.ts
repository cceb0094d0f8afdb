/**
 * Stream `audit-anchors`: every signed anchor of the audit chain, on its own topic, for compliance
 * to keep outside the system (SPEC §12). The data is the stored anchor, field by field.
 */
import { auditAnchorEvents } from '../../../domain/src/codec/event-codec.js';
import { AUDIT_ANCHOR_KEY, AUDIT_ANCHOR_TOPIC, COMPLIANCE_DEPARTMENTS, NoticeTypes, type AuditAnchoredData } from '../../../contracts/src/index.js';
import type { NoticeSource } from '../notice-source.js';
import { cloudEventHeaders, NoticeMappingError } from '../to-notice-message.js';

export const auditAnchorSource: NoticeSource<null> = {
  category: 'audit-anchors',
  types: [NoticeTypes.auditAnchored],
  publishes: (type) => type === 'AuditAnchored',
  initial: null,
  evolve: () => null,
  map(event, _context, lookups) {
    const anchored = auditAnchorEvents.decode(event);
    if (anchored === null) throw new NoticeMappingError(event.id, `${event.type} not readable by this version`);
    const { position, count, hash, at, keyId, signature } = anchored.data;
    const data: AuditAnchoredData = { position, count, hash, at, keyId, signature };
    return Promise.resolve({
      topic: AUDIT_ANCHOR_TOPIC,
      key: AUDIT_ANCHOR_KEY,
      value: JSON.stringify(data),
      headers: cloudEventHeaders(event, { type: NoticeTypes.auditAnchored, subject: AUDIT_ANCHOR_KEY, departments: COMPLIANCE_DEPARTMENTS, source: lookups.source }),
    });
  },
};
