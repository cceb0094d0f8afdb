import { useTranslation } from 'react-i18next';
import { useEmployee } from '../../api/session-queries';
import { useCatalogue } from '../catalogue/api';

/** An employee as people read them: the directory's name, the number beside it (the number alone until it loads or if unknown). */
export function EmployeeName({ id }: { readonly id: string | null | undefined }) {
  const employee = useEmployee(id ?? undefined);
  if (!id) return <>—</>;
  return <>{employee.data ? `${employee.data.name} (${id})` : id}</>;
}

/** An authority in the shown language, from the catalogue (its id until the catalogue loads, or if the catalogue does not know it). */
export function AuthorityName({ id }: { readonly id: string }) {
  const { i18n } = useTranslation();
  const catalogue = useCatalogue();
  const authority = catalogue.data?.authorities.find((candidate) => candidate.id === id);
  return <>{authority ? (i18n.language === 'zh-Hant' ? authority.names['zh-Hant'] : authority.names.en) : id}</>;
}

/** The free-text limit of every supervision form (the API's FREE_TEXT_MAX). */
export const FREE_TEXT_MAX = 2000;
/** The directory's employee numbers (the API's EMPLOYEE_ID_PATTERN). */
export const EMPLOYEE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** A calendar month or quarter (the API's PERIOD_PATTERN). */
export const PERIOD = /^\d{4}-(?:0[1-9]|1[0-2]|Q[1-4])$/;

/** Who an employee number typed into a form names, shown beneath it as the person reads it (nothing until it is a known number). */
export function EmployeeHint({ id }: { readonly id: string | undefined }) {
  const valid = id !== undefined && EMPLOYEE_ID.test(id);
  const employee = useEmployee(valid ? id : undefined);
  return <>{valid && employee.data ? employee.data.name : null}</>;
}
