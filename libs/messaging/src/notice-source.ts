/**
 * A notice source: everything the relay knows about one stream category (`authorization-*`,
 * `report-*`, …). Adding a message type is one source file (its context fold and its mapper), its
 * JSON Schema in libs/contracts/schemas and its message in libs/contracts/asyncapi.yaml; the
 * contract tests fail when one of the three is missing.
 */
import type { RecordedEvent } from '../../event-store/src/event-store.port.js';
import type { NoticeDisplayNames, NoticeEmployee, NoticeType } from '../../contracts/src/index.js';
import type { NoticeMessage } from './notice-publisher.port.js';

/** What a mapper may ask beyond its own stream: the people it names and the catalogue's names. */
export interface NoticeLookups {
  /** The employee's profile as of `event` (later renames do not rewrite an old message); null when not in the directory. */
  employeeAt(employeeId: string, event: RecordedEvent): Promise<NoticeEmployee | null>;
  /** Catalogue display names of a matter; null when the catalogue does not know it. */
  matterNames(matter: string): NoticeDisplayNames | null;
  /** CloudEvents `source`; undefined: NOTICE_SOURCE. */
  readonly source: string | undefined;
}

export interface NoticeSource<C> {
  /**
   * The stream category: streams named `{category}-{id}`, or exactly `{category}` (`audit-anchors`).
   * Unique in the registry.
   */
  readonly category: string;
  /** The CloudEvents types its mapper may produce (each with a schema and an AsyncAPI message). */
  readonly types: readonly NoticeType[];
  /** Whether an event of this type may produce a message: only then is the stream's context needed. */
  readonly publishes: (eventType: string) => boolean;
  /** The context before the stream's first event. */
  readonly initial: C;
  /** Folds one stored event of the stream into what later messages need (pure; through the domain's codec). */
  readonly evolve: (context: C, event: RecordedEvent) => C;
  /**
   * The message of `event` given the context folded from the events BEFORE it; null when it
   * produces none. Throws NoticeMappingError when the history contradicts itself (never skipped).
   */
  readonly map: (event: RecordedEvent, context: C, lookups: NoticeLookups) => Promise<NoticeMessage | null>;
}

/** A source with its context type erased, as the registry holds it. */
export interface RegisteredSource {
  readonly category: string;
  readonly types: readonly NoticeType[];
  readonly publishes: (eventType: string) => boolean;
  readonly initial: unknown;
  readonly evolve: (context: unknown, event: RecordedEvent) => unknown;
  readonly map: (event: RecordedEvent, context: unknown, lookups: NoticeLookups) => Promise<NoticeMessage | null>;
}

/** Erases the context type: the registry only ever hands a source the context it folded itself. */
export const registered = <C>(source: NoticeSource<C>): RegisteredSource => ({
  category: source.category,
  types: source.types,
  publishes: source.publishes,
  initial: source.initial,
  evolve: (context, event) => source.evolve(context as C, event),
  map: (event, context, lookups) => source.map(event, context as C, lookups),
});

/** The sources of a deployment, looked up by the category of an event's stream. */
export class NoticeSourceRegistry {
  private readonly byCategory = new Map<string, RegisteredSource>();

  constructor(readonly sources: readonly RegisteredSource[]) {
    const types = new Set<string>();
    for (const source of sources) {
      if (this.byCategory.has(source.category)) throw new Error(`two notice sources for stream category ${source.category}`);
      this.byCategory.set(source.category, source);
      for (const type of source.types) {
        if (types.has(type)) throw new Error(`${type} is published by two notice sources`);
        types.add(type);
      }
    }
  }

  /** Every CloudEvents type some source publishes. */
  get types(): readonly NoticeType[] {
    return this.sources.flatMap((source) => source.types);
  }

  /**
   * The source of a stream: the shortest registered category that is the name up to a `-`
   * (`authorization-{uuid}` → `authorization`, `access-review-{id}` → `access-review`), else the
   * whole name (`audit-anchors`); null for streams no source follows.
   */
  sourceFor(streamId: string): RegisteredSource | null {
    for (let dash = streamId.indexOf('-'); dash > 0; dash = streamId.indexOf('-', dash + 1)) {
      const source = this.byCategory.get(streamId.slice(0, dash));
      if (source) return source;
    }
    return this.byCategory.get(streamId) ?? null;
  }
}
