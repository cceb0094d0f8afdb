import { Select, Spin } from 'antd';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/client';
import { getEmployeeControllerGet, signInControllerPeople, signInControllerSignInConfig } from '../../api/generated/sdk.gen';
import { useEmployee } from '../../api/session-queries';

/** A directory entry as any signed-in principal may read it (GET /v1/employees/{id}). */
export interface Person {
  readonly employeeId: string;
  readonly name: string;
  readonly role: string;
  readonly left?: boolean;
}

const employee = (id: string) => ({ queryKey: ['employee', id], queryFn: () => unwrap(getEmployeeControllerGet({ path: { id } })), staleTime: 60_000, retry: false });

/** A person's name (their id only while it loads or when the directory does not know them). */
export function EmployeeName({ id }: { readonly id: string | null | undefined }) {
  const entry = useEmployee(id ?? undefined);
  if (!id) return null;
  return <>{entry.data?.name ?? id}</>;
}

/** Names of many people at once, as one id → name lookup. */
export function useNames(ids: readonly string[]): (id: string) => string {
  const unique = [...new Set(ids)];
  const answers = useQueries({ queries: unique.map((id) => employee(id)) });
  const names = new Map<string, string>();
  unique.forEach((id, n) => {
    const name = answers[n]?.data?.name;
    if (name) names.set(id, name);
  });
  return (id) => names.get(id) ?? id;
}

/**
 * The people a picker offers. The API has no directory listing (SPEC §5 offers GET /v1/employees/{id}
 * only): where the demo sign-in is on, its list of people; anyone else is found by typing their
 * employee id, and the picker shows the name the directory answers.
 */
function useKnownPeople(): { readonly people: readonly Person[]; readonly loading: boolean } {
  const config = useQuery({ queryKey: ['auth', 'config'], queryFn: () => unwrap(signInControllerSignInConfig()), staleTime: Infinity });
  const demo = useQuery({ queryKey: ['auth', 'demo'], queryFn: () => unwrap(signInControllerPeople()), enabled: config.data?.demo === true, staleTime: 60_000 });
  const people = (demo.data?.items ?? []).map((person) => ({ employeeId: person.id, name: person.name, role: person.role }));
  return { people, loading: config.isLoading || (config.data?.demo === true && demo.isLoading) };
}

const EMPLOYEE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export interface PersonPickerProps {
  readonly id?: string;
  readonly value?: string | string[];
  readonly onChange?: (value: string | string[]) => void;
  readonly multiple?: boolean;
  /** Which people may be chosen (e.g. eligible stand-ins); the rest are not offered. */
  readonly eligible?: (person: Person) => boolean;
  readonly exclude?: readonly string[];
  readonly 'aria-describedby'?: string;
}

/** Choose people by name; a typed employee id is looked up in the directory and shown by name. */
export function PersonPicker({ id, value, onChange, multiple = false, eligible = () => true, exclude = [], ...aria }: PersonPickerProps) {
  const { t } = useTranslation('standIns');
  const { t: tApp } = useTranslation('app');
  const known = useKnownPeople();
  const [typed, setTyped] = useState('');
  const lookup = useQuery({ ...employee(typed.trim().toUpperCase()), enabled: EMPLOYEE_ID.test(typed.trim()) && !known.people.some((p) => p.employeeId === typed.trim().toUpperCase()) });
  const found: Person[] = lookup.data && !lookup.data.left ? [lookup.data] : [];
  const selected = (Array.isArray(value) ? value : value ? [value] : []) as string[];
  const names = useNames(selected);
  const offered = [...known.people, ...found].filter((person) => !exclude.includes(person.employeeId) && !person.left && eligible(person));
  const byId = new Map(offered.map((person) => [person.employeeId, person]));
  for (const chosen of selected) if (!byId.has(chosen)) byId.set(chosen, { employeeId: chosen, name: names(chosen), role: '' });
  const options = [...byId.values()].map((person) => ({ value: person.employeeId, label: person.role ? `${person.name}（${tApp(`roles.${person.role}`, { defaultValue: person.role })}）` : person.name }));
  return (
    <Select
      id={id}
      {...aria}
      mode={multiple ? 'multiple' : undefined}
      allowClear
      value={value}
      onChange={(next: string | string[]) => onChange?.(next ?? (multiple ? [] : ''))}
      showSearch={{ onSearch: setTyped, filterOption: (input, option) => `${option?.label ?? ''} ${option?.value ?? ''}`.toLowerCase().includes(input.toLowerCase()) }}
      notFoundContent={known.loading || lookup.isFetching ? <Spin size="small" /> : t('noPerson')}
      options={options}
      style={{ width: '100%', maxWidth: 480 }}
    />
  );
}
