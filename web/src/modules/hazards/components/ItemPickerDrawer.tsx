import { useState } from 'react';
import { Button, Drawer, Flex, Tabs } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useDrawerSize } from '../../../app/responsive';
import type { ChecklistItemInput, ItemSource } from '../api/checks.api';
import { LibraryBrowser } from './LibraryBrowser';
import { OwnItemsManager } from './OwnItemsManager';
import { RiskItemsPicker } from './RiskItemsPicker';

type Props = {
  enterpriseId: string;
  postId?: string;
  /** Items already on the list, "source:sourceId", which cannot be picked twice. */
  existing: Set<string>;
  onPick: (items: ChecklistItemInput[]) => void;
  onClose: () => void;
};

/** R-HAZ-1: items for a checklist from the library, the enterprise's own items and the risk control measures. */
export function ItemPickerDrawer({ enterpriseId, postId, existing, onPick, onClose }: Props) {
  const { t } = useI18n();
  const size = useDrawerSize(960);
  const [picked, setPicked] = useState<Record<ItemSource, string[]>>({ standard: [], enterprise: [], risk: [] });
  const disabled = (source: ItemSource) => new Set([...existing].filter((k) => k.startsWith(`${source}:`)).map((k) => k.slice(source.length + 1)));
  const count = picked.standard.length + picked.enterprise.length + picked.risk.length;
  const set = (source: ItemSource) => (ids: string[]) => setPicked((p) => ({ ...p, [source]: ids.filter((id) => !disabled(source).has(id)) }));

  return (
    <Drawer
      open
      size={size}
      title={t('checklist.addItems')}
      onClose={onClose}
      destroyOnHidden
      data-testid="item-picker"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            disabled={count === 0}
            onClick={() => onPick((['risk', 'standard', 'enterprise'] as const).flatMap((source) => picked[source].map((sourceId) => ({ source, sourceId }))))}
            data-testid="item-picker-ok"
          >
            {t('checklist.addCount', { n: count })}
          </Button>
        </Flex>
      }
    >
      <Tabs
        items={[
          { key: 'risk', label: t('checklist.fromRisk'), children: <RiskItemsPicker enterpriseId={enterpriseId} postId={postId} selected={picked.risk} onSelect={set('risk')} disabledIds={disabled('risk')} /> },
          { key: 'standard', label: t('checklist.fromLibrary'), children: <LibraryBrowser selected={picked.standard} onSelect={set('standard')} disabledIds={disabled('standard')} /> },
          { key: 'enterprise', label: t('checklist.fromOwn'), children: <OwnItemsManager enterpriseId={enterpriseId} selected={picked.enterprise} onSelect={set('enterprise')} disabledIds={disabled('enterprise')} /> },
        ]}
      />
    </Drawer>
  );
}
