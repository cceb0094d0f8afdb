import { unwrap } from '../../api/client';
import { listAuthorizationsControllerList } from '../../api/generated/sdk.gen';
import type { ListAuthorizationsControllerListResponse } from '../../api/generated/types.gen';
import { usePagedList } from '../../lib/paged-list';
import { type AuthorizationListQuery, authorizationKeys } from './api';

export type AuthorizationSummary = ListAuthorizationsControllerListResponse['items'][number];

/** The authorizations matching `query` the API lets me read, newest application first as the server pages them (older ones on "load more"). */
export const useAuthorizationList = (query: AuthorizationListQuery, options: { readonly enabled?: boolean } = {}) =>
  usePagedList<AuthorizationSummary>(authorizationKeys.pages(query), (page) => unwrap(listAuthorizationsControllerList({ query: { ...query, ...page } })), options);
