import { Injectable, type PipeTransform } from '@nestjs/common';
import { NotFoundError } from './application-errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An authorization id is a UUID; anything else cannot name one, so it is simply not found. */
@Injectable()
export class AuthorizationIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw new NotFoundError('authorization', value.slice(0, 64));
    return value.toLowerCase();
  }
}
