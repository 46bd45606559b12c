import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useUiStore } from '../../stores/ui-store';
import { CopyLinkButton } from './copy-link-button';
import { ZoneSwitch } from './zone-switch';

afterEach(() => vi.unstubAllGlobals());

describe('Copy link', () => {
  it('copies the page URL and says so in a toast', async () => {
    window.history.replaceState(null, '', '/?from=2021-12-03&vp=1.25,-340,120');
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    render(<CopyLinkButton />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/?from=2021-12-03&vp=1.25,-340,120`);
    expect(useUiStore.getState().toasts.map((t) => t.text)).toEqual([
      'Link copied: it opens this exact view.',
    ]);
  });

  it('shows the link in a selectable field when the clipboard is refused', async () => {
    window.history.replaceState(null, '', '/?sel=host%3Adc1');
    vi.stubGlobal('navigator', {
      ...navigator,
      clipboard: { writeText: () => Promise.reject(new Error('denied')) },
    });
    render(<CopyLinkButton />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    const field = await screen.findByRole('textbox', { name: 'Link to this view' });
    expect(field).toHaveValue(`${window.location.origin}/?sel=host%3Adc1`);
    expect(field).toHaveAttribute('readonly');
    expect(useUiStore.getState().toasts).toEqual([]);
  });
});

describe('Time zone switch', () => {
  it('applies a zone picked from the list, and goes back to UTC', async () => {
    const onChange = vi.fn();
    const { rerender } = render(<ZoneSwitch zone={null} onChange={onChange} />);
    const input = screen.getByRole('combobox', { name: 'Time zone' });
    expect(input).toHaveValue('UTC');
    fireEvent.change(input, { target: { value: 'Asia/Tokyo' } });
    expect(onChange).toHaveBeenLastCalledWith('Asia/Tokyo');
    rerender(<ZoneSwitch zone="Asia/Tokyo" onChange={onChange} />);
    expect(input).toHaveValue('Asia/Tokyo');
    await userEvent.click(screen.getByRole('button', { name: 'UTC' }));
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  it('refuses a zone that does not exist, keeping the view on its zone', async () => {
    const onChange = vi.fn();
    render(<ZoneSwitch zone={null} onChange={onChange} />);
    const input = screen.getByRole('combobox', { name: 'Time zone' });
    await userEvent.clear(input);
    await userEvent.type(input, 'Mars/Olympus{Enter}');
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Mars/Olympus is not a time zone this browser knows.',
    );
    expect(input).toHaveAttribute('aria-invalid', 'true');
  });
});
