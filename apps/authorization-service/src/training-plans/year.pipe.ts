import { Injectable, type PipeTransform } from '@nestjs/common';
import { NotFoundError } from '../shared/application-errors.js';

/** A plan's year in a path: four digits, or the plan simply does not exist. */
@Injectable()
export class YearPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^[0-9]{4}$/.test(value)) throw new NotFoundError('training plan', value.slice(0, 64));
    return Number(value);
  }
}
