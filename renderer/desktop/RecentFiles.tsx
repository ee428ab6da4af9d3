/** The library's list of recently opened files (desktop app only: the browser has none, and shows nothing). */
import { Clock } from 'lucide-react';
import { useEffect, useState } from 'react';
import { getPlatform, type RecentFile } from '../platform/index';
import { importFileText, reportUnreadable } from './fileImport';

export function RecentFiles() {
  const platform = getPlatform();
  const [files, setFiles] = useState<RecentFile[]>([]);

  useEffect(() => {
    if (!platform.hasRecentFiles) return;
    let live = true;
    const refresh = () =>
      void platform.listRecentFiles().then(
        (list) => live && setFiles(list),
        () => live && setFiles([]),
      );
    refresh();
    const off = platform.onRecentFilesChanged(refresh);
    return () => {
      live = false;
      off();
    };
  }, [platform]);

  if (!platform.hasRecentFiles || files.length === 0) return null;

  const open = async (index: number, file: RecentFile) => {
    try {
      const opened = await platform.openRecentFile(index);
      await importFileText(opened.fileName, opened.content, { openSingle: true });
    } catch (error) {
      reportUnreadable(file.name, error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <section className="recent-files" aria-labelledby="recent-files-title">
      <div className="recent-files-header">
        <h2 id="recent-files-title">
          <Clock size={16} aria-hidden /> Recent files
        </h2>
        <button type="button" className="link" onClick={() => void platform.clearRecentFiles()}>
          Clear
        </button>
      </div>
      <ul aria-label="Recent files">
        {files.map((file, index) => (
          <li key={`${file.folder}/${file.name}`}>
            <button
              type="button"
              className="link"
              aria-label={`Open recent file ${file.name}`}
              title={file.folder}
              onClick={() => void open(index, file)}
            >
              {file.name}
            </button>{' '}
            <span className="muted small">{file.folder}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
