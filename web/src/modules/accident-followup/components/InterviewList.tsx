import { Button, Descriptions, List, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { formatDate, formatDateTime } from '../../../app/format';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { followupApi, followupQueries, type Interview } from '../api/followup.api';
import { InterviewCorrections } from './InterviewCorrections';
import { InterviewDrawer } from './InterviewDrawer';
import { NoteDrawer } from './NoteDrawer';

type Props = { enterpriseId: string; interviews: Interview[]; accidentId?: string; accidentSummary?: string };

/**
 * The interviews about an accident: who, when, the record, commitments and the follow-up, with the files, and the
 * corrections made since (each with its reason); the interviewing office may correct one.
 */
export function InterviewList({ enterpriseId, interviews, accidentId, accidentSummary }: Props) {
  const { t } = useI18n();
  const showError = useShowError();
  const [following, setFollowing] = useState<Interview | null>(null);
  const [correcting, setCorrecting] = useState<Interview | null>(null);
  const done = useApiMutation((v: { i: Interview; note: string }) => followupApi.followUpDone(enterpriseId, v.i.id, v.note, v.i.version), { invalidates: followupQueries(enterpriseId) });
  const upload = useApiMutation((v: { i: Interview; files: File[] }) => followupApi.uploadInterviewFiles(enterpriseId, v.i.id, v.files), { invalidates: followupQueries(enterpriseId) });
  return (
    <>
      <List
        dataSource={interviews} locale={{ emptyText: t('accidentFollowup.empty') }} data-testid="accident-interviews"
        renderItem={(i) => (
          <List.Item>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{formatDateTime(i.heldAt)}</Typography.Text>
                {i.departmentName && <Tag>{i.departmentName}</Tag>}
                {i.merged && <Tag color="blue">{t('accidentFollowup.merged', { n: i.accidentIds.length })}</Tag>}
              </Space>
              <Descriptions size="small" column={1} items={[
                { key: 'p', label: t('accidentFollowup.principalName'), children: i.principalName },
                { key: 'w', label: t('accidentFollowup.interviewPlace'), children: i.place || '—' },
                { key: 'a', label: t('accidentFollowup.participants'), children: i.participants.map((p) => [p.name, p.role, p.organisation].filter(Boolean).join('、')).join('；') || '—' },
                { key: 'r', label: t('accidentFollowup.record'), children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{i.record}</Typography.Paragraph> },
                { key: 'c', label: t('accidentFollowup.commitments'), children: i.commitments || '—' },
                { key: 'f', label: t('accidentFollowup.followUp'), children: (
                  <Space wrap>
                    <span>{i.followUp || '—'}</span>
                    {i.followUpDue && <span>{t('accidentFollowup.followUpDue')}：{formatDate(i.followUpDue)}</span>}
                    {i.followUpDoneAt ? <Tag color="green">{t('accidentFollowup.followUpDone')}：{i.followUpNote}</Tag> : i.followUpOverdue ? <Tag color="red">{t('accidentFollowup.actionOverdue')}</Tag> : null}
                  </Space>
                ) },
                { key: 'files', label: t('accidentFollowup.attachments'), children: (
                  <Space wrap>
                    {(i.files ?? []).map((f) => <a key={f.id} href={f.url} target="_blank" rel="noreferrer">{f.name}</a>)}
                    {i.abilities?.upload && (
                      <Upload multiple showUploadList={false} beforeUpload={(file, all) => {
                        if (file === all[0]) upload.run({ i, files: all }).catch((e: unknown) => showError(e));
                        return false;
                      }}>
                        <Button size="small" loading={upload.saving}>{t('accidentFollowup.upload')}</Button>
                      </Upload>
                    )}
                  </Space>
                ) },
              ]} />
              {(i.corrections ?? []).length > 0 && <InterviewCorrections corrections={i.corrections ?? []} />}
              <Space wrap>
                {i.abilities?.followUpDone && <Button size="small" onClick={() => setFollowing(i)} data-testid="follow-up-done">{t('accidentFollowup.followUpDone')}</Button>}
                {i.abilities?.correct && accidentId && <Button size="small" onClick={() => setCorrecting(i)} data-testid="correct-interview">{t('accidentFollowup.correct')}</Button>}
              </Space>
            </Space>
          </List.Item>
        )}
      />
      {correcting && accidentId && (
        <InterviewDrawer enterpriseId={enterpriseId} accidentId={accidentId} accidentSummary={accidentSummary} interview={correcting} onClose={() => setCorrecting(null)} />
      )}
      {following && (
        <NoteDrawer title="accidentFollowup.followUpDone" label="accidentFollowup.followUpNote" saving={done.saving} testId="follow-up-drawer"
          onSubmit={(note) => done.run({ i: following, note })} onClose={() => setFollowing(null)} />
      )}
    </>
  );
}
