import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/client';
import { searchEmployeesControllerSearch } from '../../api/generated/sdk.gen';
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

/** Fewest characters the directory search takes (the API's SEARCH_QUERY_MIN). */
const SEARCH_MIN = 2;

/**
 * Picks an employee by name (GET /v1/employees?q=): a searchable select that shows names and sends the
 * employee number. For a Form.Item: `value` and `onChange` are the number.
 */
export function EmployeePicker({ value, onChange, id, width = 320 }: { readonly value?: string; readonly onChange?: (value: string | undefined) => void; readonly id?: string; readonly width?: number }) {
  const { t } = useTranslation('escalations');
  const [term, setTerm] = useState('');
  const q = term.trim();
  const search = useQuery({
    queryKey: ['employees', 'search', q],
    queryFn: async () => (await unwrap(searchEmployeesControllerSearch({ query: { q, limit: '20' } }))).items,
    enabled: q.length >= SEARCH_MIN,
    staleTime: 30_000,
  });
  const chosen = useEmployee(value);
  const options = (search.data ?? []).map((employee) => ({ value: employee.id, label: `${employee.name} (${employee.id})` }));
  if (value && !options.some((option) => option.value === value)) options.unshift({ value, label: chosen.data ? `${chosen.data.name} (${value})` : value });
  return (
    <Select
      id={id}
      showSearch
      allowClear
      value={value}
      onChange={(next: string | undefined) => onChange?.(next)}
      onSearch={setTerm}
      filterOption={false}
      loading={search.isFetching}
      notFoundContent={q.length < SEARCH_MIN ? t('picker.typeMore') : search.isFetching ? null : t('picker.none')}
      options={options}
      style={{ width }}
    />
  );
}
