import { useMemo, useState } from 'react';
import { Col, Input, Row, Select, Switch, Table, Tag, Typography } from 'antd';
import { ErrorState } from '../../../app/components/ErrorState';
import { useI18n } from '../../../app/i18n';
import { useIsMobile } from '../../../app/responsive';
import { useApiQuery } from '../../../app/useApi';
import { checksApi, type LibraryItem } from '../api/checks.api';

type Props = {
  /** With a selection the browser is a picker (checkboxes); without, it only reads. */
  selected?: string[];
  onSelect?: (ids: string[]) => void;
  disabledIds?: Set<string>;
};

/** R-HAZ-1 / R-HAZ-2: the built-in check library by category, with the major-hazard criteria marked. */
export function LibraryBrowser({ selected, onSelect, disabledIds }: Props) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const [category, setCategory] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [major, setMajor] = useState(false);
  const query = { category, q: q || undefined, major: major ? 'true' : undefined };
  const { data, error, loading, reload } = useApiQuery(['check-library', query], (signal) => checksApi.library(query, signal));
  const categories = useMemo(() => data?.categories ?? [], [data]);

  return (
    <div data-testid="check-library">
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }} align="middle">
        <Col xs={24} md={8}>
          <Select
            style={{ width: '100%' }}
            allowClear
            placeholder={t('library.allCategories')}
            value={category}
            onChange={(v?: string) => setCategory(v)}
            options={categories.map((c) => ({ value: c.name, label: t('library.categoryCount', { name: c.name, n: c.count, major: c.major }) }))}
          />
        </Col>
        <Col xs={24} md={10}>
          <Input.Search allowClear placeholder={t('library.search')} onSearch={(v) => setQ(v.trim())} />
        </Col>
        <Col xs={24} md={6}>
          <Switch checked={major} onChange={setMajor} size="small" /> <Typography.Text>{t('library.majorOnly')}</Typography.Text>
        </Col>
      </Row>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <Table<LibraryItem>
          size="small"
          rowKey="id"
          loading={loading}
          dataSource={data?.items}
          pagination={{ pageSize: 20, showSizeChanger: false, simple: isMobile, showTotal: (n) => t('common.total', { total: n }) }}
          scroll={{ x: 'max-content' }}
          rowSelection={onSelect ? {
            selectedRowKeys: selected,
            onChange: (keys) => onSelect(keys.map(String)),
            getCheckboxProps: (r) => ({ disabled: disabledIds?.has(r.id) }),
            preserveSelectedRowKeys: true,
          } : undefined}
          columns={[
            { key: 'code', dataIndex: 'code', title: t('library.code'), width: 80 },
            {
              key: 'content', dataIndex: 'content', title: t('library.content'),
              render: (v: string, r) => (
                <div style={{ maxWidth: 520, whiteSpace: 'normal' }}>
                  {r.majorCriterion && <Tag color="red">{t('check.majorCriterion')}</Tag>}
                  {v}
                  {!isMobile && r.basis && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('library.basis')}：{r.basis}</Typography.Text></div>}
                </div>
              ),
            },
            ...(isMobile ? [] : [{ key: 'category', dataIndex: 'category', title: t('library.category') }]),
            ...(isMobile ? [] : [{ key: 'method', dataIndex: 'method', title: t('check.method'), render: (v: string) => <div style={{ maxWidth: 320, whiteSpace: 'normal' }}>{v}</div> }]),
          ]}
        />
      )}
    </div>
  );
}
