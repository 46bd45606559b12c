import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useTranslation } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from './i18n';
import { LanguageSwitch } from './language-switch';

function Heading() {
  const { t } = useTranslation('app');
  return <h2>{t('graph')}</h2>;
}

describe('LanguageSwitch', () => {
  it('switches the rendered text, keeps the choice and marks the document language', async () => {
    render(
      <>
        <LanguageSwitch />
        <Heading />
      </>,
    );
    expect(screen.getByRole('heading')).toHaveTextContent('Graph');
    await act(() => userEvent.selectOptions(screen.getByRole('combobox'), 'ja'));
    expect(screen.getByRole('heading')).toHaveTextContent('グラフ');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ja');
    expect(document.documentElement.lang).toBe('ja');
  });
});
