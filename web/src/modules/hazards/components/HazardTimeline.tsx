import { Flex, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { hazardsApi, type HazardEvent, type HazardStatus } from '../api/hazards.api';
import { HazardStatusTag } from './HazardStatusTag';
import { PhotoStrip } from './PhotoStrip';

const COLORS: Record<string, string> = { report: 'orange', accept: 'green', reject: 'red', void: 'gray', supervise: 'magenta' };

/** Every transition: who, when, from → to, the note and the photos it carried. */
export function HazardTimeline({ enterpriseId, events }: { enterpriseId: string; events: HazardEvent[] }) {
  const { tx } = useI18n();
  return (
    <Timeline
      data-testid="hazard-timeline"
      items={[...events].reverse().map((e, i) => ({
        key: `${e.at}-${i}`,
        color: COLORS[e.op] ?? 'blue',
        content: (
          <div data-testid="hazard-event" data-op={e.op}>
            <Flex gap={6} wrap align="center">
              <Typography.Text strong>{tx(`hazardOp.${e.op}`, e.op)}</Typography.Text>
              {e.from && e.from !== e.to && <><HazardStatusTag status={e.from as HazardStatus} /><span>→</span></>}
              {e.from !== e.to && <HazardStatusTag status={e.to as HazardStatus} />}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.actorName ?? '—'} · {formatDateTime(e.at)}</Typography.Text>
            {e.note && <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{e.note}</Typography.Paragraph>}
            {e.photoIds.length > 0 && (
              <div style={{ marginTop: 6 }}>
                <PhotoStrip size={56} photos={e.photoIds.map((id) => ({ key: id, src: hazardsApi.photoUrl(enterpriseId, id) }))} />
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}

