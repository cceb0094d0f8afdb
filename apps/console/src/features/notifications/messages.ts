export const notificationMessages = {
  'zh-Hant': { title: '通知', none: '沒有通知。', unread: '只看未讀', markRead: '標示為已讀', read: '已讀', open: '查看授權' },
  en: { title: 'Notifications', none: 'No notifications.', unread: 'Unread only', markRead: 'Mark as read', read: 'Read', open: 'Open the authorization' },
} as const;
