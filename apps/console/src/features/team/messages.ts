export const teamMessages = {
  'zh-Hant': { title: '團隊授權', status: '狀態篩選', all: '全部', none: '沒有符合的授權。' },
  en: { title: 'Team grants', status: 'Filter by status', all: 'All', none: 'No authorization matches.' },
} as const;
