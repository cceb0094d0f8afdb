/** Per-employee delivery settings (SPEC §12, Settings): until set, zh-Hant and no channel. */
import { DEFAULT_PERSON_LANGUAGE, type Language } from '../../messages/src/index.js';

export interface NotificationSettings {
  /** Where e-mails go; null: no e-mail. */
  readonly email: string | null;
  /** Whether the deployment's webhook receives this person's notifications. */
  readonly webhook: boolean;
  readonly language: Language;
}

export const DEFAULT_SETTINGS: NotificationSettings = { email: null, webhook: false, language: DEFAULT_PERSON_LANGUAGE };
