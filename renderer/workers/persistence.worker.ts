/**
 * Writes autosaves and undo histories to IndexedDB off the UI thread. IndexedDB clones what it stores on the
 * thread that writes it: a 5,000-step workflow is tens of milliseconds of cloning, which here no longer
 * holds up a frame. The UI thread checks every workflow against the schema before sending it (repository.ts)
 * and sends only the steps and connections this worker does not have yet (sharedObjects.ts).
 */
import { createPersistenceService } from '../storage/persistenceService';

const handle = createPersistenceService((message) => self.postMessage(message));
self.onmessage = (event: MessageEvent<unknown>) => handle(event.data);
