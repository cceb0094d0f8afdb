import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLES, type Role } from '../../../../../libs/domain/src/index.js';
import { SQL_CLIENT, type SqlClient } from '../../../../../libs/sql/src/sql-client.port.js';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import { hasScope, type Principal } from '../../auth/principal.js';
import { ApiAnswers } from '../../http/openapi.js';
import { ForbiddenError } from '../../shared/application-errors.js';
import { SEARCH_LIMIT_DEFAULT, SearchEmployeesQueryDto } from './search-employees.dto.js';

/** What a picker shows of a person: never their reporting line, department, trainings or stand-ins. */
export interface EmployeeMatch {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly team: string | null;
}

const nullableString = { type: 'string', nullable: true };
const EMPLOYEE_MATCHES = {
  type: 'object',
  required: ['items'],
  additionalProperties: false,
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'role', 'team'],
        additionalProperties: false,
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          role: { type: 'string', enum: [...ROLES] },
          team: nullableString,
        },
      },
    },
  },
};

/** `q` as a LIKE pattern that matches it literally (`%`, `_` and `\` escaped). */
const literal = (q: string): string => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A bounded search of the directory by name for pickers (SPEC §5 lets any authenticated principal read
 * an entry by id; this finds the id by name): employees in service, by name then id, at most 20.
 * Services read it with `directory:write` only. Served from the directory read model.
 */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('v1/employees')
export class SearchEmployeesController {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}

  @Get()
  @ApiOperation({
    summary: 'Employees in service whose name contains q (any case) or whose id starts with it: {items: [{id, name, role, team}]}, by name, at most limit (1..20, default 10); employees, and services with directory:write',
  })
  @ApiAnswers(
    {
      status: 200,
      description: 'The matching employees',
      schema: EMPLOYEE_MATCHES,
    },
    400,
    403,
  )
  async search(@Query() query: SearchEmployeesQueryDto, @CurrentPrincipal() principal: Principal): Promise<{ items: EmployeeMatch[] }> {
    if (principal.kind !== 'employee' && !hasScope(principal, 'directory:write')) throw new ForbiddenError('NOT_ALLOWED_TO_READ', 'only employees and services with directory:write search the directory');
    const q = query.q.trim();
    const limit = query.limit === undefined ? SEARCH_LIMIT_DEFAULT : Number(query.limit);
    const { rows } = await this.sql.query<{ doc: EmployeeMatch }>(
      `SELECT doc FROM rm_employees
        WHERE left_at IS NULL AND ((doc->>'name') ILIKE $1 ESCAPE '\\' OR id ILIKE $2 ESCAPE '\\')
        ORDER BY lower(doc->>'name') COLLATE "C", id COLLATE "C" LIMIT $3`,
      [`%${literal(q)}%`, `${literal(q)}%`, limit],
    );
    return {
      items: rows.map(({ doc }) => ({
        id: doc.id,
        name: doc.name,
        role: doc.role,
        team: doc.team,
      })),
    };
  }
}
