import { afterEach, describe, expect, it } from 'vitest';
import { resetUiStore, useUiStore } from './ui-store';

afterEach(resetUiStore);

describe('ui store', () => {
  it('keeps at most four toasts and dismisses by id', () => {
    const { pushToast } = useUiStore.getState();
    for (let i = 0; i < 6; i++) pushToast('info', `t${i}`);
    const toasts = useUiStore.getState().toasts;
    expect(toasts.map((t) => t.text)).toEqual(['t2', 't3', 't4', 't5']);
    useUiStore.getState().dismissToast(toasts[0]!.id);
    expect(useUiStore.getState().toasts).toHaveLength(3);
  });

  it('toggles panels and settings, and resets', () => {
    useUiStore.getState().togglePanel('files');
    useUiStore.getState().setSetting('edgeLabels', true);
    expect(useUiStore.getState().panels.files).toBe(true);
    expect(useUiStore.getState().settings.edgeLabels).toBe(true);
    resetUiStore();
    expect(useUiStore.getState().panels.files).toBe(false);
    expect(useUiStore.getState().settings.edgeLabels).toBe(false);
  });
});
