/**
 * Issue 12 part 5: a published message type is a notice source, its JSON Schema and its AsyncAPI
 * message. This fails when a type some source publishes lacks either, when the AsyncAPI document
 * describes a type no source publishes, or when the two disagree on the schema or the topic.
 * (libs/messaging/src/notice-sources.contract.spec.ts validates every mapper's output against its schema.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { AUDIT_ANCHOR_TOPIC, DEFAULT_NOTICE_TOPIC, NOTICE_SCHEMA_FILES, NOTICE_TYPE_LIST, noticeSchemaPath, NoticeTypes, type NoticeType } from '../../libs/contracts/src/index.js';
import { NOTICE_SOURCES } from '../../libs/messaging/src/index.js';

const CONTRACTS = join(import.meta.dirname, '..', '..', 'libs', 'contracts');

interface Ref {
  readonly $ref: string;
}
interface AsyncApi {
  readonly channels: Record<string, { readonly address: string; readonly messages: Record<string, Ref> }>;
  readonly operations: Record<string, { readonly action: string; readonly channel: Ref; readonly messages: readonly Ref[] }>;
  readonly components: {
    readonly messages: Record<string, { readonly name: string; readonly payload: { readonly schema: Ref } }>;
    readonly schemas: { readonly cloudEventHeaders: { readonly properties: { readonly ce_type: { readonly enum: readonly string[] } } } };
  };
}

const doc = parse(readFileSync(join(CONTRACTS, 'asyncapi.yaml'), 'utf8')) as AsyncApi;
const messageKeyOf = (type: string): string | undefined => Object.entries(doc.components.messages).find(([, message]) => message.name === type)?.[0];
const channelsOf = (key: string): string[] =>
  Object.entries(doc.channels)
    .filter(([, channel]) => Object.values(channel.messages).some((ref) => ref.$ref === `#/components/messages/${key}`))
    .map(([name]) => name);

/** Where each type is published: the anchors on their own topic, every other type on the notices topic. */
const topicOf = (type: NoticeType): string => (type === NoticeTypes.auditAnchored ? AUDIT_ANCHOR_TOPIC : DEFAULT_NOTICE_TOPIC);

describe('published message types', () => {
  const published = NOTICE_SOURCES.types;

  it('are the contract’s types, each published by exactly one source', () => {
    expect([...published].sort()).toEqual([...NOTICE_TYPE_LIST].sort());
  });

  describe.each(published.map((type) => [type]))('%s', (type) => {
    it('has a JSON Schema file titled with its type', () => {
      expect(existsSync(noticeSchemaPath(type))).toBe(true);
      const schema = JSON.parse(readFileSync(noticeSchemaPath(type), 'utf8')) as { $schema?: string; title?: string };
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.title).toContain(type);
    });

    it('has an AsyncAPI message whose payload is that schema, on its topic’s channel, sent by an operation', () => {
      const key = messageKeyOf(type);
      expect(key).toBeDefined();
      expect(doc.components.messages[key!]!.payload.schema.$ref).toBe(`./schemas/${NOTICE_SCHEMA_FILES[type]}`);
      const channels = channelsOf(key!);
      expect(channels.map((name) => doc.channels[name]!.address)).toEqual([topicOf(type)]);
      const sent = Object.values(doc.operations).filter((op) => op.action === 'send' && op.channel.$ref === `#/channels/${channels[0]}`);
      expect(sent.flatMap((op) => op.messages.map((ref) => ref.$ref))).toContain(`#/channels/${channels[0]}/messages/${key}`);
      expect(doc.components.schemas.cloudEventHeaders.properties.ce_type.enum).toContain(type);
    });
  });

  it('has no dangling $ref in the AsyncAPI document', () => {
    const refs: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (typeof node === 'object' && node !== null) {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref' && typeof value === 'string') refs.push(value);
          else walk(value);
        }
      }
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      if (ref.startsWith('./')) {
        expect({ ref, exists: existsSync(join(CONTRACTS, ref)) }).toEqual({ ref, exists: true });
        continue;
      }
      let target: unknown = doc;
      for (const part of ref.replace(/^#\//, '').split('/')) target = (target as Record<string, unknown> | undefined)?.[part];
      expect({ ref, resolved: target !== undefined }).toEqual({ ref, resolved: true });
    }
  });

  it('documents no message that no source publishes', () => {
    for (const message of Object.values(doc.components.messages)) expect(published).toContain(message.name);
    for (const type of doc.components.schemas.cloudEventHeaders.properties.ce_type.enum) expect(published).toContain(type);
  });
});
