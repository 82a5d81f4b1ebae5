import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { inputStyles, labelStyles } from './styles';
import { useDebouncedValue } from './use-debounced-value';

export interface AutocompleteInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Suggestions for the text typed so far; called once typing pauses. */
  suggest: (text: string, signal: AbortSignal) => Promise<string[]>;
  /** A suggestion was chosen (click or Enter on a highlighted one). */
  onPick?: (value: string) => void;
  /** Enter with no suggestion highlighted. */
  onEnter?: () => void;
  placeholder?: string;
  debounceMs?: number;
  /** Shows the label to screen readers only. */
  hideLabel?: boolean;
  name?: string;
}

/**
 * A text box with suggestions, following the ARIA combobox pattern: arrows move through the
 * list, Enter picks, Escape closes. The text stays the user's own until they pick something.
 */
export function AutocompleteInput({ label, value, onChange, suggest, onPick, onEnter, placeholder, debounceMs = 200, hideLabel, name }: AutocompleteInputProps) {
  const id = useId();
  const listId = `${id}-list`;
  const [options, setOptions] = useState<string[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const query = useDebouncedValue(value.trim(), debounceMs);

  useEffect(() => {
    if (query.length < 2) {
      setOptions([]);
      return;
    }
    const controller = new AbortController();
    suggest(query, controller.signal).then(
      (names) => {
        if (controller.signal.aborted) return;
        setOptions(names);
        setActive(-1);
      },
      () => {
        // Suggestions are a convenience: when they fail the user can still type the whole name.
        if (!controller.signal.aborted) setOptions([]);
      },
    );
    return () => controller.abort();
  }, [query, suggest]);

  const visible = open && options.length > 0 && !(options.length === 1 && options[0] === value);

  const pick = (option: string) => {
    onChange(option);
    setOpen(false);
    setActive(-1);
    onPick?.(option);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && options.length) {
      event.preventDefault();
      setOpen(true);
      setActive((current) => (current + 1) % options.length);
    } else if (event.key === 'ArrowUp' && options.length) {
      event.preventDefault();
      setOpen(true);
      setActive((current) => (current <= 0 ? options.length - 1 : current - 1));
    } else if (event.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    } else if (event.key === 'Enter') {
      if (visible && active >= 0) {
        event.preventDefault();
        pick(options[active]);
      } else if (onEnter) {
        event.preventDefault();
        setOpen(false);
        onEnter();
      }
    }
  };

  return (
    <div className="relative">
      <label htmlFor={id} className={hideLabel ? 'sr-only' : labelStyles}>
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={visible}
        aria-controls={listId}
        aria-activedescendant={visible && active >= 0 ? `${listId}-${active}` : undefined}
        className={`${inputStyles} ${hideLabel ? '' : 'mt-1'}`}
        value={value}
        placeholder={placeholder}
        onChange={(event) => {
          onChange(event.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => setOpen(true)}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={`${label} suggestions`}
        hidden={!visible}
        className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200"
      >
        {options.map((option, index) => (
          <li
            key={option}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className={`cursor-pointer px-3 py-1.5 ${index === active ? 'bg-indigo-600 text-white' : 'text-slate-800 hover:bg-slate-100'}`}
            onMouseDown={(event) => {
              event.preventDefault();
              pick(option);
            }}
          >
            {option}
          </li>
        ))}
      </ul>
    </div>
  );
}
