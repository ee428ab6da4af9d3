/** Durations for people: minutes below two hours, hours of working time above. */
import { formatNumber } from '../../shared/analysis/numbers';

export function formatDuration(minutes: number): string {
  if (!Number.isFinite(minutes)) return 'unbounded';
  if (minutes < 1) return `${formatNumber(Math.round(minutes * 60))} s`;
  if (minutes < 120) return `${formatNumber(Math.round(minutes * 10) / 10)} min`;
  return `${formatNumber(Math.round((minutes / 60) * 10) / 10)} h`;
}
