import dayjs from 'dayjs';
import 'dayjs/locale/zh-tw';
import i18next from 'i18next';

/**
 * Date pickers speak the shown language. Imported by the pages that have one, so the shell (and the
 * worklist's JavaScript budget) does not carry dayjs.
 */
const follow = (language: string) => dayjs.locale(language === 'zh-Hant' ? 'zh-tw' : 'en');
follow(i18next.language);
i18next.on('languageChanged', follow);
