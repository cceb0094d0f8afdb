import { Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecideAccessReviewItemDto } from '../../api/generated/types.gen';

/** Keep or revoke one grant; revoking needs a note (the API refuses a blank one with NOTE_REQUIRED). */
export function ItemDecision({ authorizationId, label, pending, onDecide }: { readonly authorizationId: string; readonly label: string; readonly pending: boolean; readonly onDecide: (decision: DecideAccessReviewItemDto) => void }) {
  const { t } = useTranslation('accessReviews');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const decide = (decision: 'keep' | 'revoke') => {
    if (decision === 'revoke' && note.trim() === '') return setMissing(true);
    setMissing(false);
    onDecide({ decision, note: note.trim() });
  };
  const noteId = `note-${authorizationId}`;
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <label htmlFor={noteId} style={{ fontSize: 12 }}>{t('note')}</label>
      <Input
        id={noteId}
        aria-label={t('noteFor', { item: label })}
        maxLength={2000}
        value={note}
        status={missing ? 'error' : undefined}
        aria-invalid={missing}
        aria-describedby={missing ? `${noteId}-error` : undefined}
        onChange={(event) => setNote(event.target.value)}
      />
      {missing && <Typography.Text id={`${noteId}-error`} type="danger">{t('noteRequired')}</Typography.Text>}
      <Space>
        <Button type="primary" loading={pending} aria-label={t('keepItem', { item: label })} onClick={() => decide('keep')}>{t('decision.keep')}</Button>
        <Button danger disabled={pending} aria-label={t('revokeItem', { item: label })} onClick={() => decide('revoke')}>{t('decision.revoke')}</Button>
      </Space>
    </Space>
  );
}
