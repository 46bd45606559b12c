import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeDataset } from '../../../core/analysis/testing';
import type { Annotation, AnnotationTarget, Dataset } from '../../../core/dataset';
import { i18n } from '../../i18n';
import { createAnnotationStore, setAnnotationStore } from '../../lib/annotation-store';
import { renderWithProviders } from '../../test/render';
import { NoteMarker } from './note-marker';
import { NotesEditor } from './notes-editor';
import { NotesList } from './notes-list';
import { TagFilter } from './tag-filter';
import { useAnnotations } from './use-annotations';

const NODE: AnnotationTarget = { kind: 'node', id: 'account:corp\\alice' };
const SAVED: Annotation = {
  target: NODE,
  note: 'seen on <b>DC1</b>',
  tags: ['suspicious', 'evil\u202Eexe'],
  updated: '2026-12-06T07:00:00.000Z',
};

function editor(props: Partial<Parameters<typeof NotesEditor>[0]> = {}) {
  const onSave = vi.fn(() => Promise.resolve());
  const onDelete = vi.fn(() => Promise.resolve());
  render(
    <NotesEditor
      target={NODE}
      annotation={undefined}
      suggestions={['compromised', 'benign', 'reviewed']}
      home="file"
      onSave={onSave}
      onDelete={onDelete}
      {...props}
    />,
  );
  return { onSave, onDelete };
}

describe('NotesEditor', () => {
  it('writes a note with suggested and typed tags (normalised) and saves them', async () => {
    const user = userEvent.setup();
    const { onSave } = editor();
    await user.type(screen.getByLabelText('Note'), 'pass-the-hash from WS7');
    await user.click(screen.getByRole('button', { name: '+ compromised' }));
    await user.type(screen.getByLabelText('New tag'), '  False Positive {Enter}');
    const chips = screen.getByRole('group', { name: 'Tags' });
    expect(within(chips).getByText('compromised')).toBeInTheDocument();
    expect(within(chips).getByText('false-positive')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '+ compromised' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Remove the tag compromised' }));
    await user.click(screen.getByRole('button', { name: '+ compromised' }));
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    expect(onSave).toHaveBeenCalledWith({
      note: 'pass-the-hash from WS7',
      tags: ['false-positive', 'compromised'],
    });
  });

  it('refuses a bad tag with a reason', async () => {
    editor();
    fireEvent.change(screen.getByLabelText('New tag'), { target: { value: 'a\u0007b' } });
    await act(() => userEvent.click(screen.getByRole('button', { name: 'Add' })));
    expect(screen.getByRole('alert')).toHaveTextContent('no control characters');
  });

  it('shows a saved note as text, bidi controls in tags made visible, and deletes it', async () => {
    const { onDelete } = editor({ annotation: SAVED });
    expect(screen.getByLabelText('Note')).toHaveValue('seen on <b>DC1</b>');
    expect(screen.getByText('evil<U+202E>exe')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Saved 2026-12-06 07:00:00 UTC');
    expect(screen.getByRole('button', { name: 'Save note' })).toBeDisabled();
    await act(() => userEvent.click(screen.getByRole('button', { name: 'Delete note' })));
    expect(onDelete).toHaveBeenCalled();
  });

  it('says why a save failed and keeps the draft', async () => {
    const user = userEvent.setup();
    editor({ onSave: () => Promise.reject(new Error('server said no')) });
    await user.type(screen.getByLabelText('Note'), 'draft');
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The note could not be saved: server said no');
    expect(screen.getByLabelText('Note')).toHaveValue('draft');
  });

  it('reads in Japanese', async () => {
    await i18n.changeLanguage('ja');
    editor();
    expect(screen.getByRole('button', { name: 'メモを保存' })).toBeInTheDocument();
  });
});

describe('NoteMarker and TagFilter', () => {
  it('marks a noted row with its tags, and nothing without a note', () => {
    const { container } = render(<NoteMarker annotation={undefined} />);
    expect(container).toBeEmptyDOMElement();
    render(<NoteMarker annotation={SAVED} />);
    expect(
      screen.getByRole('img', { name: 'Analyst note, tags: suspicious, evil<U+202E>exe' }),
    ).toBeInTheDocument();
  });

  it('offers the tags in use and says when nothing carries the chosen one', async () => {
    const onChange = vi.fn();
    const { rerender } = render(
      <TagFilter tags={['compromised']} value={null} matches={null} onChange={onChange} />,
    );
    await act(() => userEvent.selectOptions(screen.getByLabelText('Show only tagged'), 'compromised'));
    expect(onChange).toHaveBeenCalledWith('compromised');
    rerender(<TagFilter tags={['compromised']} value="benign" matches={0} onChange={onChange} />);
    expect(screen.getByRole('status')).toHaveTextContent('Nothing in this window carries the tag “benign”.');
    await act(() => userEvent.click(screen.getByRole('button', { name: 'Clear the tag filter' })));
    expect(onChange).toHaveBeenLastCalledWith(null);
  });
});

describe('NotesList', () => {
  it('lists every note newest first, shown safely, and opens its target', async () => {
    const onOpen = vi.fn();
    const older: Annotation = {
      ...SAVED,
      target: { kind: 'detection', id: 'd1' },
      note: 'old',
      updated: '2026-01-01T00:00:00Z',
    };
    render(<NotesList annotations={[older, SAVED]} label={(a) => `<${a.target.id}>`} onOpen={onOpen} />);
    expect(screen.getByText('All notes (2)')).toBeInTheDocument();
    const buttons = screen.getAllByRole('button', { hidden: true });
    expect(buttons.map((b) => b.textContent)).toEqual(['node: <account:corp\\alice>', 'detection: <d1>']);
    await act(() => userEvent.click(buttons[1]!));
    expect(onOpen).toHaveBeenCalledWith(older);
    expect(screen.getByText('seen on <b>DC1</b>')).toBeInTheDocument();
  });
});

describe('useAnnotations for a file dataset', () => {
  const factory = { current: new IDBFactory() };
  beforeEach(() => {
    factory.current = new IDBFactory();
    setAnnotationStore(createAnnotationStore(factory.current));
  });
  afterEach(() => setAnnotationStore(null));

  function Probe({ dataset }: { dataset: Dataset }) {
    const notes = useAnnotations({ kind: 'file', key: 'k'.repeat(64) }, dataset);
    return (
      <div>
        <output>
          {notes.loading ? 'loading' : notes.list.map((a) => `${a.target.id}:${a.note}`).join('|')}
        </output>
        <button type="button" onClick={() => void notes.save(NODE, { note: 'new', tags: ['Reviewed'] })}>
          save
        </button>
        <button type="button" onClick={() => void notes.remove({ kind: 'detection', id: 'd1' })}>
          remove
        </button>
      </div>
    );
  }

  it('starts from the file’s notes, keeps saves and deletions in IndexedDB over a reload', async () => {
    const fromFile: Annotation = { ...SAVED, target: { kind: 'detection', id: 'd1' }, note: 'from file' };
    const dataset = { ...makeDataset([]), annotations: [fromFile] };
    const first = renderWithProviders(<Probe dataset={dataset} />);
    expect(await screen.findByText('d1:from file')).toBeInTheDocument();
    await act(() => userEvent.click(screen.getByRole('button', { name: 'save' })));
    await act(() => userEvent.click(screen.getByRole('button', { name: 'remove' })));
    expect(await screen.findByText('account:corp\\alice:new')).toBeInTheDocument();
    first.unmount();
    // A reload: a new query client over the same IndexedDB, the same file (with its old notes).
    setAnnotationStore(createAnnotationStore(factory.current));
    renderWithProviders(<Probe dataset={dataset} />);
    expect(await screen.findByText('account:corp\\alice:new')).toBeInTheDocument();
    expect(screen.queryByText(/from file/)).toBeNull();
  });
});
