import { Injectable, type PipeTransform } from '@nestjs/common';
import { NotFoundError } from '../shared/application-errors.js';

/**
 * A plan's year in a path: four digits, or the plan simply does not exist. The global validation pipe
 * may already have made the parameter a number (`0000` → 0), so either form is read.
 */
@Injectable()
export class YearPipe implements PipeTransform<unknown, number> {
  transform(value: unknown): number {
    const text = String(value).slice(0, 64);
    if (!/^[0-9]{4}$/.test(text)) throw new NotFoundError('training plan', text);
    return Number(text);
  }
}
