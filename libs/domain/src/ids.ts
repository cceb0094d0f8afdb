/** Branded identifiers: a plain string at run time, a distinct type at compile time. */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type EmployeeId = Brand<string, 'EmployeeId'>;
export type AuthorizationId = Brand<string, 'AuthorizationId'>;
export type ChangeId = Brand<string, 'ChangeId'>;

export const employeeId = (value: string): EmployeeId => value as EmployeeId;
export const authorizationId = (value: string): AuthorizationId => value as AuthorizationId;
export const changeId = (value: string): ChangeId => value as ChangeId;

/** One stream-name function per aggregate (STYLE §8). */
export const authorizationStream = (id: string): string => `authorization-${id}`;
export const employeeStream = (id: string): string => `employee-${id}`;

export const ROLES = ['agent', 'tech_support', 'supervisor', 'manager', 'executive', 'compliance'] as const;
export type Role = (typeof ROLES)[number];

export const CHANNELS = ['phone', 'chat', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];
