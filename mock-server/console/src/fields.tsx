/** Form controls named by their labels, each handing its new value to the panel. */

/** A text input inside its label; `onValue` gets every edit. */
export function TextField({
  label,
  onValue,
  ...input
}: {
  label: string;
  value: string;
  onValue: (value: string) => void;
  type?: 'search';
  placeholder?: string;
  list?: string;
}) {
  return (
    <label>
      {label} <input {...input} onInput={(e) => onValue(e.currentTarget.value)} />
    </label>
  );
}

/** An option of a {@link SelectField}: a value shown as itself, or with its own text. */
export type Choice<V extends string> = V | { value: V; text: string };

/** A drop-down inside its label; `onValue` gets the value picked. */
export function SelectField<V extends string>({
  label,
  value,
  options,
  onValue,
}: {
  label: string;
  value: V;
  options: readonly Choice<V>[];
  onValue: (value: V) => void;
}) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onValue(e.currentTarget.value as V)}>
        {options.map((o) => {
          const { value: v, text } = typeof o === 'string' ? { value: o, text: o } : o;
          return (
            <option key={v} value={v}>
              {text}
            </option>
          );
        })}
      </select>
    </label>
  );
}

/** A checkbox followed by its label (in a row, in an editor form too); `onChecked` gets its state. */
export function CheckboxField({
  label,
  checked,
  onChecked,
}: {
  label: string;
  checked: boolean;
  onChecked: (checked: boolean) => void;
}) {
  return (
    <label class="inline">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onChecked(e.currentTarget.checked)}
      />{' '}
      {label}
    </label>
  );
}
