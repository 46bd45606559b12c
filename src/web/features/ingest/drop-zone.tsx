import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Accepts a dataset file dropped anywhere on its children; shows a hint while dragging. */
export function DropZone({ onFile, children }: { onFile(file: File): void; children: ReactNode }) {
  const { t } = useTranslation('ingest');
  const [over, setOver] = useState(false);
  const hasFiles = (e: React.DragEvent) => e.dataTransfer.types.includes('Files');
  return (
    <div
      className={over ? 'drop-zone over' : 'drop-zone'}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file) onFile(file);
      }}
    >
      {children}
      {over && (
        <div className="drop-hint" aria-hidden="true">
          {t('dropHint')}
        </div>
      )}
    </div>
  );
}
