import type { FormInstance } from 'antd';
import type { ApiProblem } from '../../api/problem';

/** A refusal code without per-field `errors` → the form field it is about (codes are the API's stable contract). */
export type FieldOfCode = Readonly<Record<string, string>>;

const pathOf = (field: string): (string | number)[] => field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/**
 * Puts the server's own text beside each field a refusal names (`reporter.contact`, `actions.0.course`),
 * or beside the field its code is about; the alert above the form shows the whole refusal as well.
 */
export function showProblemsBeside(form: FormInstance, problem: ApiProblem, fields: readonly string[], fieldOfCode: FieldOfCode = {}): void {
  const errors = problem.fieldErrors();
  const byCode = problem.code ? fieldOfCode[problem.code] : undefined;
  if (Object.keys(errors).length === 0 && byCode) errors[byCode] = problem.message;
  const placed = Object.entries(errors)
    .map(([field, message]) => ({ name: pathOf(field), errors: [message] }))
    .filter((field) => fields.includes(String(field.name[0])));
  if (placed.length > 0) form.setFields(placed);
}
