/** What shows for the moment a lazily loaded part of the app arrives: announced politely, not a blank. */
import { LoaderCircle } from 'lucide-react';

export function Loading({ label }: { label: string }) {
  return (
    <p className="loading" role="status">
      <LoaderCircle size={16} aria-hidden className="spin" /> {label}
    </p>
  );
}
