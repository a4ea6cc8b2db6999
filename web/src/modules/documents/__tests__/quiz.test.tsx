import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ApiError } from '../../../app/api';
import { addMessages, isMessageKey } from '../../../app/i18n';
import { withRouterAndI18n } from '../../../app/testing';
import { QuizAnswers, completeAnswers, quizRefusal, type QuizAnswerValues } from '../components/QuizAnswers';
import { quizOf } from '../components/QuizEditor';
import { documentsMessages } from '../documents.messages';

// R-DOC-1's optional quiz on the phone and the shared device: radio groups, the answers sent, the refusal at its question.

const QUIZ = [
  { text: '动火作业前必须做什么？', options: ['办理动火作业票', '直接动火'] },
  { text: '进入受限空间前应当？', options: ['直接进入', '先通风、检测、专人监护', '无需监护'] },
];

beforeAll(() => addMessages(documentsMessages as never));
afterEach(cleanup);

function Harness({ error }: { error?: unknown }) {
  const [value, setValue] = useState<QuizAnswerValues>([]);
  return (
    <>
      <QuizAnswers quiz={QUIZ} value={value} onChange={setValue} error={error} />
      <output data-testid="sent">{JSON.stringify(completeAnswers(QUIZ, value))}</output>
    </>
  );
}

describe('the quiz as the person answers it', () => {
  test('one radio group per question with its options; the answers are complete only when every question has one', () => {
    render(withRouterAndI18n(<Harness />));
    expect(screen.getAllByRole('radio')).toHaveLength(5);
    expect(screen.getByTestId('sent').textContent).toBe('null');
    fireEvent.click(screen.getByLabelText('办理动火作业票'));
    expect(screen.getByTestId('sent').textContent).toBe('null');
    fireEvent.click(screen.getByLabelText('先通风、检测、专人监护'));
    expect(screen.getByTestId('sent').textContent).toBe('[0,1]');
  });

  test('a refusal shows its message and the message at each wrong question, in Chinese', () => {
    const error = new ApiError('VALIDATION', 400, '测验没有全部答对，请再读一遍后重新作答', [{ path: 'body.answers.1', message: '第 2 题答错了' }], null, 'QUIZ_WRONG');
    render(withRouterAndI18n(<Harness error={error} />));
    expect(screen.getByTestId('documents-quiz-refused').textContent).toContain('测验没有全部答对');
    expect(screen.getByTestId('documents-quiz').textContent).toContain('第 2 题答错了');
    expect(quizRefusal(error)?.byQuestion).toEqual(new Map([[1, '第 2 题答错了']]));
    expect(quizRefusal(new ApiError('VALIDATION', 400, 'x', [{ path: 'body.idLast4', message: 'y' }]))).toBeNull();
  });

  test('the screen shows no message key', () => {
    render(withRouterAndI18n(<Harness />));
    const text = screen.getByTestId('documents-quiz').textContent ?? '';
    expect(text).not.toMatch(/documents\.quiz\./);
    expect(isMessageKey('documents.quiz.answerTitle')).toBe(true);
  });
});

test('the editor\'s questions go to the server trimmed, a missing correct option as the first', () => {
  expect(quizOf([{ text: ' 问题 ', options: [' 甲 ', '乙'] }])).toEqual([{ text: '问题', options: ['甲', '乙'], correct: 0 }]);
  expect(quizOf(undefined)).toEqual([]);
});
