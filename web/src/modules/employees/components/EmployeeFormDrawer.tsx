import { useEffect, useState } from 'react';
import { Checkbox, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { orgApi, type OrgUnit, type Post } from '../../org/api/org.api';
import { OrgUnitSelect } from '../../org/components/OrgUnitSelect';
import {
  EMPLOYEE_STATUSES, EMPLOYMENT_FORMS, employeesApi, type Employee, type EmployeeInput, type EmploymentForm, type EmployeeStatus,
} from '../api/employees.api';
import { LimitedInput } from '../../../app/components/LimitedInput';
import { PhotoUploadField } from '../../certificates/components/PhotoUploadField';

type Props = {
  enterpriseId: string;
  units: OrgUnit[] | undefined;
  employee?: Employee;
  onClose: () => void;
  onSaved: (e: Employee) => void;
  onConflict: () => void;
};

type Values = {
  name: string;
  idNumber: string;
  phone: string;
  employmentForm: EmploymentForm;
  orgUnitId: string | undefined;
  postIds: string[];
  hireDate: Dayjs | null;
  status: EmployeeStatus;
  trainedBeforeJoining: boolean;
  priorTrainingAttachmentId: string | null;
  priorTrainingNote: string;
};

const ID_NUMBER = /^\d{17}[\dXx]$/;
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})?$/;

/** Creates or edits an employee. On edit the ID number is only sent when retyped: the list shows it masked. */
export function EmployeeFormDrawer({ enterpriseId, units, employee, onClose, onSaved, onConflict }: Props) {
  const { t, tx } = useI18n();
  const [form] = Form.useForm<Values>();
  // An employee is counted on their unit and posts, which show in the org tree.
  const save = useApiMutation(
    (v: Values): Promise<Employee> => {
      const body: EmployeeInput = {
        name: v.name.trim(),
        idNumber: v.idNumber.trim().toUpperCase(),
        phone: v.phone.trim(),
        employmentForm: v.employmentForm,
        orgUnitId: v.orgUnitId ?? '',
        postIds: v.postIds,
        hireDate: v.hireDate ? v.hireDate.format('YYYY-MM-DD') : null,
        trainedBeforeJoining: v.trainedBeforeJoining ?? false,
        priorTrainingAttachmentId: v.trainedBeforeJoining ? v.priorTrainingAttachmentId ?? null : null,
        priorTrainingNote: v.trainedBeforeJoining ? (v.priorTrainingNote ?? '').trim() : '',
      };
      if (!employee) return employeesApi.create(enterpriseId, body);
      const { idNumber, ...rest } = body;
      return employeesApi.update(enterpriseId, employee.id, {
        ...rest,
        ...(idNumber ? { idNumber } : {}),
        ...(v.status !== employee.status ? { status: v.status } : {}),
        version: employee.version,
      });
    },
    { invalidates: [['employees', enterpriseId], ['org', enterpriseId]], onSuccess: onSaved },
  );
  const [posts, setPosts] = useState<Post[]>([]);
  const orgUnitId = Form.useWatch('orgUnitId', form) ?? employee?.orgUnitId;
  const trainedBeforeJoining = Form.useWatch('trainedBeforeJoining', form);

  useEffect(() => {
    if (!orgUnitId) {
      setPosts([]);
      return;
    }
    const controller = new AbortController();
    orgApi.posts(enterpriseId, orgUnitId, controller.signal).then(setPosts).catch(() => undefined);
    return () => controller.abort();
  }, [enterpriseId, orgUnitId]);

  const postOptions = [
    ...posts.map((p) => ({ value: p.id, label: p.name })),
    ...(employee?.posts ?? []).filter((p) => !posts.some((q) => q.id === p.id)).map((p) => ({ value: p.id, label: p.name })),
  ];

  return (
    <FormDrawer<Values>
      title={employee ? t('employee.edit') : t('employee.create')}
      width={640}
      form={form}
      onSubmit={save.run}
      saving={save.saving}
      onClose={onClose}
      onConflict={onConflict}
      testId="employee-form"
      saveTestId="employee-save"
      initialValues={{
        name: employee?.name ?? '',
        idNumber: '',
        phone: employee?.phone ?? '',
        employmentForm: employee?.employmentForm ?? 'regular',
        orgUnitId: employee?.orgUnitId,
        postIds: employee?.posts.map((p) => p.id) ?? [],
        hireDate: employee?.hireDate ? dayjs(employee.hireDate) : null,
        status: employee?.status ?? 'active',
        trainedBeforeJoining: false,
        priorTrainingAttachmentId: null,
        priorTrainingNote: '',
      }}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('employee.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <LimitedInput max={50} data-testid="field-employee-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="idNumber"
            label={t('employee.idNumber')}
            extra={employee ? t('employee.idNumberKeep', { masked: employee.idNumberMasked }) : undefined}
            rules={[
              { required: !employee, message: t('validation.required') },
              { pattern: ID_NUMBER, message: t('employee.idNumberFormat') },
            ]}
            normalize={(v: string) => v.toUpperCase()}
          >
            <Input maxLength={18} style={{ fontFamily: 'monospace' }} placeholder={employee?.idNumberMasked} data-testid="field-employee-idNumber" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="phone" label={t('employee.phone')} rules={[{ pattern: PHONE, message: t('validation.phone') }]}>
            <Input maxLength={20} inputMode="tel" data-testid="field-employee-phone" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="employmentForm" label={t('employee.employmentForm')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={EMPLOYMENT_FORMS.map((k) => ({ value: k, label: tx(`employmentForm.${k}`, k) }))} data-testid="field-employee-form" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="orgUnitId" label={t('employee.orgUnit')} rules={[{ required: true, message: t('validation.required') }]}>
            <OrgUnitSelect units={units} testId="field-employee-orgUnit" onChange={() => form.setFieldValue('postIds', [])} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="hireDate" label={t('employee.hireDate')}>
            <DatePicker style={{ width: '100%' }} data-testid="field-employee-hireDate" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="postIds" label={t('employee.posts')} extra={orgUnitId ? undefined : t('employee.pickUnitFirst')}>
            <Select mode="multiple" options={postOptions} disabled={!orgUnitId} allowClear data-testid="field-employee-posts" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="trainedBeforeJoining" valuePropName="checked" extra={t('employee.trainedBeforeJoiningHint')}>
            <Checkbox data-testid="field-employee-trainedBeforeJoining">{t('employee.trainedBeforeJoining')}</Checkbox>
          </Form.Item>
        </Col>
        {trainedBeforeJoining && (
          <>
            <Col xs={24} md={12}>
              <Form.Item name="priorTrainingNote" label={t('employee.priorTrainingNote')} rules={[{ max: 500 }]}>
                <Input.TextArea rows={2} maxLength={500} data-testid="field-employee-priorTrainingNote" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="priorTrainingAttachmentId" label={t('employee.priorTrainingScan')}>
                <PhotoUploadField enterpriseId={enterpriseId} testId="field-employee-priorTrainingScan" />
              </Form.Item>
            </Col>
          </>
        )}
        {employee && (
          <Col xs={24} md={12}>
            <Form.Item name="status" label={t('employee.status')}>
              <Select options={EMPLOYEE_STATUSES.map((k) => ({ value: k, label: tx(`employeeStatus.${k}`, k) }))} />
            </Form.Item>
          </Col>
        )}
      </Row>
    </FormDrawer>
  );
}
