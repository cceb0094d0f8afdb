import { Alert, Button, Card, DatePicker, Form, Space, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../lib/dayjs-locale';
import { useApiPaths } from '../../api/session-queries';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ApiProblem } from '../../api/problem';
import { anchorVerifier, parseAnchors, parsePublicKey, type RecordVerification, verifyRecord, type VerifyRecordOptions } from '../../lib/audit-proof';
import { currentLanguage } from '../../lib/i18n';
import { readSession } from '../../lib/session';

interface Downloaded {
  readonly export: string;
  readonly anchors: string | null;
  readonly publicKey: string | null;
}

/** A raw download of the API (NDJSON, JSON): the bytes as served, for the file and for verification. */
async function download(path: string, withToken: boolean): Promise<string> {
  const headers: Record<string, string> = { 'accept-language': currentLanguage() };
  const token = readSession()?.token;
  if (withToken && token) headers['authorization'] = `Bearer ${token}`;
  const answer = await fetch(path, { headers });
  if (!answer.ok) throw new ApiProblem(answer.status, await answer.json().catch(() => ({ detail: answer.statusText })));
  return answer.text();
}

async function allAnchors(): Promise<string> {
  const items: unknown[] = [];
  let cursor: string | null = null;
  do {
    const page = JSON.parse(await download(`/v1/audit/anchors?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, true)) as { items: unknown[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return JSON.stringify(items);
}

async function verify(files: Downloaded): Promise<RecordVerification> {
  let options: VerifyRecordOptions = {};
  if (files.anchors) {
    const anchors = parseAnchors(files.anchors);
    if ('error' in anchors) throw new Error(anchors.error);
    if (!files.publicKey) throw new Error('a public key is needed to check the anchors');
    const key = parsePublicKey(files.publicKey);
    if ('error' in key) throw new Error(key.error);
    options = { anchors: anchors.anchors, isGenuine: (await anchorVerifier(key.jwk)).isGenuine };
  }
  return verifyRecord(files.export.split('\n'), options);
}

const readFile = (file: File | undefined): Promise<string | null> => (file ? file.text() : Promise.resolve(null));

/** Compliance downloads the hash-chained export and checks it here, against the chain and the signed anchors. */
export function VerifyPage() {
  const { t } = useTranslation('compliance');
  const paths = useApiPaths();
  const [range, setRange] = useState<{ from?: Dayjs; to?: Dayjs }>({});
  const [files, setFiles] = useState<{ export?: File; anchors?: File; publicKey?: File }>({});
  const [link, setLink] = useState<string | null>(null);
  const anchorsOffered = paths.data?.has('/v1/audit/anchors') === true && paths.data.has('/v1/audit/public-key');
  const fetchExport = useMutation({
    mutationFn: async (): Promise<Downloaded> => {
      const query = new URLSearchParams();
      if (range.from) query.set('from', range.from.toISOString());
      if (range.to) query.set('to', range.to.toISOString());
      const exported = await download(`/v1/audit/export${query.size > 0 ? `?${query}` : ''}`, true);
      return { export: exported, anchors: anchorsOffered ? await allAnchors() : null, publicKey: anchorsOffered ? await download('/v1/audit/public-key', false) : null };
    },
  });
  useEffect(() => {
    if (!fetchExport.data) return;
    const url = URL.createObjectURL(new Blob([fetchExport.data.export], { type: 'application/x-ndjson' }));
    setLink(url);
    return () => URL.revokeObjectURL(url);
  }, [fetchExport.data]);
  const check = useMutation({ mutationFn: verify });
  const checkFiles = async () => {
    const exported = await readFile(files.export);
    if (exported === null) return;
    check.mutate({ export: exported, anchors: await readFile(files.anchors), publicKey: await readFile(files.publicKey) });
  };
  const lines = fetchExport.data ? fetchExport.data.export.split('\n').filter((line) => line.trim() !== '').length : 0;
  const result = check.data;

  return (
    <section>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('verify.title')}</Typography.Title>
      <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('verify.exportTitle')}</h2>} style={{ marginBottom: 16 }}>
        <Form layout="inline" onFinish={() => fetchExport.mutate()}>
          <Form.Item label={t('verify.from')} htmlFor="export-from"><DatePicker id="export-from" showTime value={range.from ?? null} onChange={(from) => setRange({ ...range, from: from ?? undefined })} /></Form.Item>
          <Form.Item label={t('verify.to')} htmlFor="export-to"><DatePicker id="export-to" showTime value={range.to ?? null} onChange={(to) => setRange({ ...range, to: to ?? undefined })} /></Form.Item>
          <Button type="primary" htmlType="submit" loading={fetchExport.isPending}>{t('verify.download')}</Button>
        </Form>
        <ProblemAlert error={fetchExport.error} />
        {fetchExport.data && link && (
          <Space style={{ marginTop: 16 }} wrap>
            <Typography.Text>{t('verify.downloaded', { lines })}</Typography.Text>
            <a href={link} download="audit-export.ndjson">{t('verify.save')}</a>
            <Button onClick={() => check.mutate(fetchExport.data)}>{t('verify.useDownloaded')}</Button>
          </Space>
        )}
      </Card>
      <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('verify.verifyTitle')}</h2>}>
        <Typography.Paragraph type="secondary">{t('verify.verifyHint')}</Typography.Paragraph>
        <Space direction="vertical">
          <label>{t('verify.file')} <input type="file" accept=".ndjson,.jsonl,.json,text/plain" onChange={(event) => setFiles({ ...files, export: event.target.files?.[0] })} /></label>
          <label>{t('verify.anchorsFile')} <input type="file" accept=".json,.ndjson" onChange={(event) => setFiles({ ...files, anchors: event.target.files?.[0] })} /></label>
          <label>{t('verify.keyFile')} <input type="file" accept=".pem,.json" onChange={(event) => setFiles({ ...files, publicKey: event.target.files?.[0] })} /></label>
          <Button type="primary" disabled={!files.export} loading={check.isPending} onClick={() => void checkFiles()}>{t('verify.run')}</Button>
        </Space>
      </Card>
      <div role="status" aria-live="polite" style={{ marginTop: 16 }}>
        {check.error && <Alert type="error" showIcon message={check.error.message} />}
        {result?.ok === true && <Alert type="success" showIcon message={`${t('verify.ok', { count: result.count, anchors: result.anchorsChecked })}${result.partial ? ` ${t('verify.partial')}` : ''}`} />}
        {result?.ok === false && <Alert type="error" showIcon message={t('verify.failed', { line: result.line, problem: result.problem, detail: result.detail })} />}
      </div>
    </section>
  );
}
