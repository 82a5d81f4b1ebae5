import { useId, type InputHTMLAttributes } from 'react';
import { inputStyles, labelStyles } from './styles';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'value' | 'onChange'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** A line under the box, e.g. what the value must look like. */
  hint?: string;
}

/** A labelled one-line text box; other input attributes (type, autoComplete, required…) pass through. */
export function TextField({ label, value, onChange, hint, ...input }: TextFieldProps) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className={labelStyles}>
        {label}
      </label>
      <input {...input} id={id} className={`${inputStyles} mt-1`} value={value} onChange={(event) => onChange(event.target.value)} />
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
    </div>
  );
}
