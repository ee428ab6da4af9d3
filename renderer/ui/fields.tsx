/**
 * Form fields with inline validation. The field keeps what the user typed; only a valid value is passed on,
 * so the document never holds an invalid value and the user sees why theirs was not taken.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useDeferredCommit } from './deferredCommit';
import { BOUNDS, boundMessage, formatLimit, type BoundKey } from '../../shared/model/bounds';

interface FieldShellProps {
  id: string;
  label: string;
  error: string | null;
  hint?: ReactNode;
  children: ReactNode;
  /** In a table whose row and column already say what the field is, the label is for screen readers. */
  labelHidden?: boolean;
}

function FieldShell({ id, label, error, hint, children, labelHidden = false }: FieldShellProps) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id} className={labelHidden ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {children}
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export interface TextFieldProps {
  label: string;
  value: string;
  onCommit(value: string): void;
  required?: boolean;
  multiline?: boolean;
  maxLength?: number;
  hint?: ReactNode;
}

export function TextField({
  label,
  value,
  onCommit,
  required = false,
  multiline = false,
  maxLength = 200,
  hint,
}: TextFieldProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const deferred = useDeferredCommit(onCommit);
  useEffect(() => setText(value), [value]);
  const error =
    required && text.trim() === ''
      ? `${label} must not be empty.`
      : text.length > maxLength
        ? `${label} must be at most ${maxLength} characters.`
        : null;
  const change = (next: string) => {
    setText(next);
    const invalid = (required && next.trim() === '') || next.length > maxLength;
    if (!invalid) deferred.schedule(next);
  };
  const common = {
    id,
    value: text,
    onBlur: deferred.flush,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
  };
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => change(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => change(e.target.value)} />
      )}
    </FieldShell>
  );
}

export interface NumberFieldProps {
  label: string;
  value: number;
  onCommit(value: number): void;
  min?: number;
  max?: number;
  step?: number;
  integer?: boolean;
  /** Shown and typed in another unit, e.g. 100 for percent of a 0–1 share. */
  scale?: number;
  unit?: string;
  hint?: ReactNode;
  /** Extra check on the whole value, returning an error message or null. */
  check?(value: number): string | null;
  /**
   * The model number this field edits: its domain bound (shared/model/bounds.ts) gives min, max and whole
   * numbers (in the shown unit), and the same check the schema makes, so the field refuses what a file may
   * not hold, with the same message.
   */
  bound?: BoundKey;
  labelHidden?: boolean;
}

function formatNumber(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

export function NumberField({
  label,
  value,
  onCommit,
  min,
  max,
  step = 1,
  integer = false,
  scale = 1,
  unit,
  hint,
  check,
  bound,
  labelHidden,
}: NumberFieldProps) {
  const domain = bound === undefined ? undefined : BOUNDS[bound];
  min ??= domain === undefined ? undefined : domain.min * scale;
  max ??= domain === undefined ? undefined : domain.max * scale;
  integer ||= domain?.integer ?? false;
  const id = useId();
  const [text, setText] = useState(formatNumber(value * scale));
  const deferred = useDeferredCommit(onCommit);
  useEffect(() => setText(formatNumber(value * scale)), [value, scale]);
  const validate = (raw: string): { error: string | null; value: number } => {
    const unitText = unit === '%' ? '%' : unit ? ` ${unit}` : '';
    if (raw.trim() === '') return { error: `${label} is required.`, value: NaN };
    const shown = Number(raw);
    if (!Number.isFinite(shown)) return { error: `${label} must be a number.`, value: NaN };
    // A model number in its own unit: the schema's message, word for word (percent fields keep theirs).
    if (bound !== undefined && scale === 1)
      return { error: boundMessage(bound, shown, label) ?? check?.(shown) ?? null, value: shown };
    if (integer && !Number.isInteger(shown)) return { error: `${label} must be a whole number.`, value: NaN };
    if (min !== undefined && max !== undefined && (shown < min || shown > max)) {
      return {
        error: `${label} must be between ${formatLimit(min)}${unitText} and ${formatLimit(max)}${unitText}.`,
        value: NaN,
      };
    }
    if (min !== undefined && shown < min)
      return { error: `${label} must be at least ${formatLimit(min)}${unitText}.`, value: NaN };
    if (max !== undefined && shown > max)
      return { error: `${label} must be at most ${formatLimit(max)}${unitText}.`, value: NaN };
    const actual = shown / scale;
    const outOfBound = bound === undefined ? null : boundMessage(bound, actual, label);
    return { error: outOfBound ?? check?.(actual) ?? null, value: actual };
  };
  const { error } = validate(text);
  return (
    <FieldShell
      id={id}
      label={unit ? `${label} (${unit})` : label}
      error={error}
      hint={hint}
      labelHidden={labelHidden}
    >
      <input
        id={id}
        type="number"
        inputMode="decimal"
        value={text}
        step={step}
        min={min}
        max={max}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        onBlur={deferred.flush}
        onChange={(e) => {
          setText(e.target.value);
          const result = validate(e.target.value);
          if (!result.error && result.value !== value) deferred.schedule(result.value);
        }}
      />
    </FieldShell>
  );
}

export interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onCommit(value: T): void;
  hint?: ReactNode;
}

export function SelectField<T extends string>({
  label,
  value,
  options,
  onCommit,
  hint,
}: SelectFieldProps<T>) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} error={null} hint={hint}>
      <select
        id={id}
        value={value}
        onChange={(e) => onCommit(e.target.value as T)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
