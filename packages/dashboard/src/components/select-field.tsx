interface SelectFieldProps<T extends string> {
  readonly id: string;
  readonly label: string;
  readonly value: T;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly onValue: (value: T) => void;
}

/** A labelled native select: keyboard and screen-reader behaviour come from the platform. */
export function SelectField<T extends string>(props: SelectFieldProps<T>) {
  const { id, label, value, options, onValue } = props;
  const choose = (raw: string) => {
    const match = options.find((option) => option.value === raw);
    if (match !== undefined) onValue(match.value);
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => choose(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
