import { lazy } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { OidcCallbackPage } from '../features/auth/OidcCallbackPage';
import { SignInPage } from '../features/auth/SignInPage';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { RequireSession } from './RequireSession';

// One chunk per page: a person downloads only the pages they open.
const page = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) => lazy(async () => ({ default: (await load())[name] }));
const MyAuthorizationsPage = page(() => import('../features/authorizations/MyAuthorizationsPage'), 'MyAuthorizationsPage');
const AuthorizationPage = page(() => import('../features/authorizations/AuthorizationPage'), 'AuthorizationPage');
const NoticePage = page(() => import('../features/authorizations/NoticePage'), 'NoticePage');
const ApplicationPage = page(() => import('../features/authorizations/ApplicationPage'), 'ApplicationPage');
const ChangePage = page(() => import('../features/authorizations/ChangePage'), 'ChangePage');
const WorklistPage = page(() => import('../features/worklist/WorklistPage'), 'WorklistPage');
const TeamPage = page(() => import('../features/team/TeamPage'), 'TeamPage');
const NotificationsPage = page(() => import('../features/notifications/NotificationsPage'), 'NotificationsPage');
const AuditPage = page(() => import('../features/compliance/AuditPage'), 'AuditPage');
const PointInTimePage = page(() => import('../features/compliance/PointInTimePage'), 'PointInTimePage');
const VerifyPage = page(() => import('../features/compliance/VerifyPage'), 'VerifyPage');
const KpiPage = page(() => import('../features/supervision/KpiPage'), 'KpiPage');
const EscalationsPage = page(() => import('../features/escalations/EscalationsPage'), 'EscalationsPage');
const ReportsPage = page(() => import('../features/reports/ReportsPage'), 'ReportsPage');
const ReportPage = page(() => import('../features/reports/ReportPage'), 'ReportPage');
const InspectionsPage = page(() => import('../features/inspections/InspectionsPage'), 'InspectionsPage');
const AssessmentsPage = page(() => import('../features/assessments/AssessmentsPage'), 'AssessmentsPage');
const AccessReviewsPage = page(() => import('../features/access-reviews/AccessReviewsPage'), 'AccessReviewsPage');
const AccessReviewPage = page(() => import('../features/access-reviews/AccessReviewPage'), 'AccessReviewPage');
const StandInsPage = page(() => import('../features/stand-ins/StandInsPage'), 'StandInsPage');
const SuggestionsPage = page(() => import('../features/suggestions/SuggestionsPage'), 'SuggestionsPage');
const MeetingsPage = page(() => import('../features/meetings/MeetingsPage'), 'MeetingsPage');

export const router = createBrowserRouter([
  { path: '/signin', element: <SignInPage /> },
  { path: '/signin/callback', element: <OidcCallbackPage /> },
  {
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <MyAuthorizationsPage /> },
      { path: 'authorizations/:id', element: <AuthorizationPage /> },
      { path: 'authorizations/:id/notice', element: <NoticePage /> },
      { path: 'authorizations/:id/change', element: <ChangePage /> },
      { path: 'apply', element: <ApplicationPage /> },
      { path: 'worklist', element: <WorklistPage /> },
      { path: 'team', element: <TeamPage /> },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'point-in-time', element: <PointInTimePage /> },
      { path: 'verify', element: <VerifyPage /> },
      { path: 'supervision', element: <KpiPage /> },
      { path: 'escalations', element: <EscalationsPage /> },
      { path: 'reports', element: <ReportsPage /> },
      { path: 'reports/:id', element: <ReportPage /> },
      { path: 'inspections', element: <InspectionsPage /> },
      { path: 'assessments', element: <AssessmentsPage /> },
      { path: 'access-reviews', element: <AccessReviewsPage /> },
      { path: 'access-reviews/:id', element: <AccessReviewPage /> },
      { path: 'stand-ins', element: <StandInsPage /> },
      { path: 'suggestions', element: <SuggestionsPage /> },
      { path: 'meetings', element: <MeetingsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
