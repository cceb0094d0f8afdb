import { Injectable, type PipeTransform } from '@nestjs/common';
import { NotFoundError } from '../shared/application-errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Report, escalation and suggestion ids are UUIDs; anything else names nothing, so it is simply not found. */
@Injectable()
export class SupervisionIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw new NotFoundError('resource', value.slice(0, 64));
    return value.toLowerCase();
  }
}
