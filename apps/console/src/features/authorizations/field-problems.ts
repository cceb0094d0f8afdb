import type { FormInstance } from 'antd';
import type { ApiProblem } from '../../api/problem';

/** Maps the API's field paths to the form's field names (the body nests scope; the form does not). */
const FORM_FIELD: Readonly<Record<string, string>> = { 'scope.maxAmount': 'maxAmount', 'scope.channels': 'channels', scope: 'maxAmount' };

/** Shows a refusal's text beside the fields it names; whatever names no field of the form stays in the alert above it. */
export function showFieldProblems(form: FormInstance, problem: ApiProblem): void {
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const fields = Object.entries(problem.fieldErrors())
    .map(([path, message]) => ({ name: FORM_FIELD[path] ?? path, errors: [message] }))
    .filter((field) => known.has(field.name) || field.name === 'maxAmount' || field.name === 'validUntil' || field.name === 'matter');
  if (fields.length > 0) form.setFields(fields);
}
