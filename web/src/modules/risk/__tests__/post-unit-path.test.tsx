import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { addMessages, I18nContext } from '../../../app/i18n';
import { postLabel } from '../../org/api/post-label';
import type { PublicCard } from '../api/risk-card.api';
import { RiskCardSheet } from '../components/RiskCardSheet';
import { riskMessages } from '../risk.messages';
import { zhI18n } from '../../../app/testing';

const i18n = zhI18n;

// Two workshops each have a 甲班 with an 操作工: the unit's own name alone prints the same card twice.
const card = (unitPath: string): PublicCard => ({
  post: { name: '操作工', orgUnitName: '甲班', unitPath },
  enterpriseName: '测试化工有限公司', grade: null, colour: null, gradeName: null, points: [], hazards: [], accidentTypes: [],
  emergencyActions: [], emergencyPhone: '119/120', alarmPhones: '119/120', updatedAt: null,
});

beforeAll(() => addMessages(riskMessages as never));
afterEach(cleanup);

describe('posts named with their unit path', () => {
  test('a picker label tells same-named posts apart and falls back to the name alone', () => {
    expect(postLabel({ name: '操作工', unitPath: '一车间 / 甲班' })).toBe('操作工 · 一车间 / 甲班');
    expect(postLabel({ name: '操作工', unitPath: '二车间 / 甲班' })).not.toBe(postLabel({ name: '操作工', unitPath: '一车间 / 甲班' }));
    expect(postLabel({ name: '操作工', unitPath: '' })).toBe('操作工');
  });

  test('the printed card shows the unit path, not the bare unit name', () => {
    for (const path of ['一车间 / 甲班', '二车间 / 甲班']) {
      render(<I18nContext.Provider value={i18n}><RiskCardSheet card={card(path)} /></I18nContext.Provider>);
      expect(screen.getByTestId('risk-card-unit').textContent).toBe(path);
      cleanup();
    }
  });
});
