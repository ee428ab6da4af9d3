// Gives component tests (which opt in to jsdom per file) an in-memory IndexedDB for Dexie.
import 'fake-indexeddb/auto';
