/** One line under the library: whether the browser may clear the workspace (navigator.storage.persist()). */
import { describePersistence } from '../storage/persistence';
import { useWorkspace } from '../store/workspaceStore';

export function StorageStatus() {
  const persistence = useWorkspace((s) => s.storagePersistence);
  return (
    <p className={`storage-status ${persistence}`} aria-label="Storage">
      {describePersistence(persistence)}
    </p>
  );
}
