import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { scaleFromRange } from '../../lib/encodings';
import { Legend } from './legend';

const SCALE = scaleFromRange({ overlay: 'none', min: 0, max: 0 });

describe('the legend of the notes', () => {
  it('says nothing of notes when no node or link carries one', () => {
    render(<Legend scale={SCALE} palette="standard" />);
    expect(screen.getByLabelText('Legend')).not.toHaveTextContent('analyst note or tag');
    expect(screen.getByLabelText('Legend')).not.toHaveTextContent('tagged compromised');
  });

  it('explains the note mark, and the stronger one only when something is tagged compromised', () => {
    const { rerender } = render(
      <Legend scale={SCALE} palette="cvd" theme="dark" notes={{ compromised: false }} />,
    );
    expect(screen.getByLabelText('Legend')).toHaveTextContent('analyst note or tag');
    expect(screen.getByLabelText('Legend')).not.toHaveTextContent('tagged compromised');
    rerender(<Legend scale={SCALE} palette="cvd" theme="dark" notes={{ compromised: true }} />);
    expect(screen.getByLabelText('Legend')).toHaveTextContent('tagged compromised');
  });
});
