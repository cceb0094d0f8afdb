import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ProblemException } from './problem.js';

function flatten(errors: readonly ValidationError[], prefix = '', out: Record<string, string[]> = Object.create(null) as Record<string, string[]>): Record<string, string[]> {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) out[path] = Object.values(error.constraints);
    if (error.children?.length) flatten(error.children, path, out);
  }
  return out;
}

/** Deny unknown fields and values; every failure is a 400 problem with per-field `errors`. */
export const validationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    stopAtFirstError: false,
    exceptionFactory: (errors: ValidationError[]) => {
      const fields = flatten(errors);
      const names = Object.keys(fields);
      return new ProblemException(400, 'VALIDATION_FAILED', `invalid request: ${names.join(', ') || 'body'}`, { errors: fields });
    },
  });
