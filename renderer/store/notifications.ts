/** Short messages announced to the user (and to screen readers through an aria-live region). */
import { create } from 'zustand';

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
  action?: { label: string; run: () => void };
}

interface NoticeState {
  notices: Notice[];
  notify(text: string, kind?: Notice['kind'], action?: Notice['action']): void;
  dismiss(id: number): void;
}

let nextId = 1;

export const useNotices = create<NoticeState>()((set) => ({
  notices: [],
  notify(text, kind = 'info', action) {
    const id = nextId++;
    set((s) => ({ notices: [...s.notices.slice(-3), { id, kind, text, ...(action ? { action } : {}) }] }));
    setTimeout(
      () => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
      action ? 10_000 : 6_000,
    );
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));

export const notify = (text: string, kind?: Notice['kind'], action?: Notice['action']) =>
  useNotices.getState().notify(text, kind, action);
