import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { appMessages } from '../app/messages';
import { authMessages } from '../features/auth/messages';
import { authorizationMessages } from '../features/authorizations/messages';
import { worklistMessages } from '../features/worklist/messages';
import { teamMessages } from '../features/team/messages';
import { complianceMessages } from '../features/compliance/messages';
import { notificationMessages } from '../features/notifications/messages';
import { supervisionMessages } from '../features/supervision/messages';
import { escalationMessages } from '../features/escalations/messages';
import { reportMessages } from '../features/reports/messages';
import { inspectionMessages } from '../features/inspections/messages';
import { assessmentMessages } from '../features/assessments/messages';
import { accessReviewMessages } from '../features/access-reviews/messages';
import { standInMessages } from '../features/stand-ins/messages';
import { suggestionMessages } from '../features/suggestions/messages';
import { meetingMessages } from '../features/meetings/messages';
import { applyDocumentLanguage, initialLanguage, type Language, rememberLanguage } from './language';

/** Every feature's catalogue: one namespace each, in both languages. */
const catalogues = {
  app: appMessages,
  auth: authMessages,
  authorizations: authorizationMessages,
  worklist: worklistMessages,
  team: teamMessages,
  compliance: complianceMessages,
  notifications: notificationMessages,
  supervision: supervisionMessages,
  escalations: escalationMessages,
  reports: reportMessages,
  inspections: inspectionMessages,
  assessments: assessmentMessages,
  accessReviews: accessReviewMessages,
  standIns: standInMessages,
  suggestions: suggestionMessages,
  meetings: meetingMessages,
} as const;

function resources(): Resource {
  const out: Resource = { 'zh-Hant': {}, en: {} };
  for (const [namespace, messages] of Object.entries(catalogues)) {
    out['zh-Hant']![namespace] = messages['zh-Hant'];
    out['en']![namespace] = messages.en;
  }
  return out;
}

export async function setUpI18n(language: Language = initialLanguage()): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: resources(),
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['zh-Hant', 'en'],
    ns: Object.keys(catalogues),
    defaultNS: 'app',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDocumentLanguage(language);
  return i18next;
}

export async function switchLanguage(language: Language): Promise<void> {
  rememberLanguage(language);
  await i18next.changeLanguage(language);
  applyDocumentLanguage(language);
}

export const currentLanguage = (): Language => (i18next.language === 'zh-Hant' ? 'zh-Hant' : 'en');
