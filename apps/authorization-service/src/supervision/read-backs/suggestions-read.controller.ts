import { Controller, Get, Headers, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EmployeeSnapshot } from '../../../../../libs/domain/src/index.js';
import type { Page } from '../../../../../libs/read-models/src/index.js';
import type { SuggestionDoc } from '../../../../../libs/read-models/src/records/record-kinds.js';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { ApiAnswers, ApiConsistencyToken } from '../../http/openapi.js';
import { ReadModelConsistency } from '../../queries/read-model-consistency.js';
import { NotFoundError } from '../../shared/application-errors.js';
import { SupervisionIdPipe } from '../supervision-id.pipe.js';
import { AuthorDigest } from '../suggestions/author-digest.js';
import { ListSuggestionsQuery } from './read-back.dto.js';
import { pageOfDocs, SUGGESTION_DOC } from './read-back.schemas.js';
import { deny, RecordReaders } from './record-readers.js';

/** A suggestion as read back: an anonymous one never shows its author, to anyone (its author knows it is theirs: `yours`). */
export type SuggestionView = Omit<SuggestionDoc, 'authorDigest'> & { readonly yours: boolean };

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('v1/suggestions')
export class SuggestionsReadController {
  constructor(
    private readonly consistency: ReadModelConsistency,
    private readonly readers: RecordReaders,
    private readonly digest: AuthorDigest,
  ) {}

  private yours(doc: SuggestionDoc, reader: EmployeeSnapshot): boolean {
    return doc.submittedBy === reader.employeeId || (doc.authorDigest !== null && this.digest.names(doc.authorDigest, doc.id, reader.employeeId));
  }

  private view(doc: SuggestionDoc, reader: EmployeeSnapshot): SuggestionView {
    const { authorDigest: _hidden, ...rest } = doc;
    return { ...rest, yours: this.yours(doc, reader) };
  }

  @Get()
  @ApiOperation({ summary: 'Suggestions with their answers: managers and compliance all, the submitter their own (anonymous ones included, never showing the author)' })
  @ApiAnswers({ status: 200, description: 'A page of suggestions, oldest first', schema: pageOfDocs(SUGGESTION_DOC) }, 403)
  @ApiConsistencyToken()
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListSuggestionsQuery, @Headers('x-consistency-token') token?: string): Promise<Page<SuggestionView>> {
    const reader = await this.readers.employee(principal, 'suggestions');
    const queries = await this.consistency.recordsAt(token);
    const scope = this.readers.scopeOf(reader);
    const digests = scope.kind === 'all' ? [] : (await queries.anonymousSuggestionIds()).flatMap((id) => this.digest.candidates(id, reader.employeeId));
    const page = await queries.listSuggestions(scope, {
      ...(query.status === undefined ? {} : { status: query.status }),
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
      ...(query.limit === undefined ? {} : { limit: Number(query.limit) }),
      mine: { id: reader.employeeId, digests },
    });
    return { items: page.items.map((doc) => this.view(doc, reader)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A suggestion with its answer (managers, compliance, its submitter)' })
  @ApiAnswers({ status: 200, description: 'The suggestion', schema: SUGGESTION_DOC }, 403, 404)
  @ApiConsistencyToken()
  async get(@CurrentPrincipal() principal: Principal, @Param('id', SupervisionIdPipe) id: string, @Headers('x-consistency-token') token?: string): Promise<SuggestionView> {
    const reader = await this.readers.employee(principal, 'suggestions');
    const doc = await (await this.consistency.recordsAt(token)).getSuggestion(id);
    if (doc === null) throw new NotFoundError('suggestion', id);
    if (this.readers.scopeOf(reader).kind !== 'all' && !this.yours(doc, reader)) throw deny('this suggestion');
    return this.view(doc, reader);
  }
}
