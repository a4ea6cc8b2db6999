import { useEffect, useRef, useState } from 'react';
import { CameraOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Flex, Form, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { LimitedInput } from '../../../app/components/LimitedInput';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { PageLoading } from '../../../app/components/PageLoading';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { keyMomentQueries, keyMomentsApi, type CheckinForm } from '../api/key-moments.api';

type Values = { locationText: string; note: string };
type Fix = { state: 'idle' } | { state: 'locating' } | { state: 'located'; latitude: number; longitude: number } | { state: 'failed' };

/**
 * 带班打卡 on a phone: a photo from the camera, the place typed by the person, a note; the phone's location is asked for
 * only after the person ticks the consent box, and dropped when he unticks it. The photo's own metadata is never read
 * (the server strips it).
 */
export function CheckInPage() {
  const { enterpriseId = '', id = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [photo, setPhoto] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [consent, setConsent] = useState(false);
  const [fix, setFix] = useState<Fix>({ state: 'idle' });
  const camera = useRef<HTMLInputElement>(null);
  const { data: m, error, loading, reload } = useApiQuery(['key-moments', enterpriseId, 'detail', id], (signal) => keyMomentsApi.get(enterpriseId, id, signal));
  const send = useApiMutation((c: CheckinForm) => keyMomentsApi.checkIn(enterpriseId, id, c), {
    invalidates: keyMomentQueries(enterpriseId),
    onSuccess: () => { void message.success(t('keyMoment.checkedIn')); void navigate(`/enterprises/${enterpriseId}/key-moments/${id}`); },
  });

  useEffect(() => () => { if (preview) URL.revokeObjectURL(preview); }, [preview]);

  const tick = (checked: boolean) => {
    setConsent(checked);
    if (!checked) { setFix({ state: 'idle' }); return; }
    // Only now, after consent, is the phone asked where it is.
    if (!('geolocation' in navigator)) { setFix({ state: 'failed' }); return; }
    setFix({ state: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (pos) => setFix({ state: 'located', latitude: pos.coords.latitude, longitude: pos.coords.longitude }),
      () => setFix({ state: 'failed' }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const choose = (file: File | undefined) => {
    if (!file) return;
    setPhoto(file);
    setPreview(URL.createObjectURL(file));
  };

  const submit = async (v: Values) => {
    if (!photo) { void message.error(t('keyMoment.photo')); return; }
    const located = consent && fix.state === 'located' ? { latitude: fix.latitude, longitude: fix.longitude } : {};
    try {
      await send.run({ photo, locationText: v.locationText.trim(), note: (v.note ?? '').trim(), consent, ...located });
    } catch (e) {
      showError(e, { form });
    }
  };

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!m) return loading ? <PageLoading /> : null;

  return (
    <Card data-testid="key-moment-check-in-page" title={`${t('keyMoment.checkIn')} · ${m.name}`}>
      {!m.abilities.checkIn && m.checkInRefusal ? <Typography.Text type="danger">{t(`keyMoment.checkInRefusal.${m.checkInRefusal}`)}</Typography.Text> : (
        <Form<Values> form={form} layout="vertical" initialValues={{ locationText: '', note: '' }} onFinish={(v) => void submit(v)}>
          <Typography.Paragraph type="secondary">{t('keyMoment.checkInHint')}</Typography.Paragraph>
          <Form.Item label={t('keyMoment.photo')} required>
            <input ref={camera} type="file" accept="image/*" capture="environment" hidden onChange={(e) => choose(e.target.files?.[0])} data-testid="key-moment-photo-input" />
            <Flex vertical gap={8}>
              {preview && <img src={preview} alt={t('keyMoment.photo')} style={{ maxWidth: '100%', maxHeight: 240, objectFit: 'contain', borderRadius: 8 }} />}
              <Button size="large" icon={<CameraOutlined />} onClick={() => camera.current?.click()} data-testid="key-moment-take-photo">
                {t(photo ? 'keyMoment.retakePhoto' : 'keyMoment.takePhoto')}
              </Button>
            </Flex>
          </Form.Item>
          <Form.Item name="locationText" label={t('keyMoment.field.location')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <LimitedInput max={200} data-testid="key-moment-location" />
          </Form.Item>
          <Form.Item>
            <Flex vertical gap={4}>
              <Checkbox checked={consent} onChange={(e) => tick(e.target.checked)} data-testid="key-moment-consent">{t('keyMoment.consent')}</Checkbox>
              {fix.state === 'locating' && <Typography.Text type="secondary"><EnvironmentOutlined /> {t('keyMoment.locating')}</Typography.Text>}
              {fix.state === 'located' && (
                <Typography.Text type="secondary"><EnvironmentOutlined /> {t('keyMoment.located', { lat: fix.latitude.toFixed(5), lng: fix.longitude.toFixed(5) })}</Typography.Text>
              )}
              {fix.state === 'failed' && <Typography.Text type="warning">{t('keyMoment.locateFailed')}</Typography.Text>}
            </Flex>
          </Form.Item>
          <Form.Item name="note" label={t('keyMoment.field.note')}>
            <LimitedTextArea rows={3} max={1000} />
          </Form.Item>
          <Button type="primary" size="large" block htmlType="submit" loading={send.saving} disabled={!photo || fix.state === 'locating'} data-testid="key-moment-check-in-submit">
            {t('keyMoment.checkIn')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
