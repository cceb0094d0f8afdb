import { Injectable, type PipeTransform } from '@nestjs/common';
import { NotFoundError } from '../shared/application-errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Campaign ids are UUIDs: anything else cannot exist (404, nothing read). */
@Injectable()
export class AccessReviewIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw new NotFoundError('access review', value.slice(0, 64));
    return value;
  }
}
