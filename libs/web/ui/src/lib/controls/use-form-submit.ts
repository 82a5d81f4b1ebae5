import { useState, type FormEvent } from 'react';
import { errorMessage } from '../api/api-client';

/**
 * The submit of a form that a success takes off the screen (signing in, starting a job and following
 * it): one run at a time, and after a failure its message to show and the form usable again.
 * `busy` stays set after a success, so the button cannot be pressed twice on the way out.
 */
export function useFormSubmit(action: () => Promise<unknown>) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setState({ busy: true, error: null });
    action().catch((failure: unknown) => setState({ busy: false, error: errorMessage(failure) }));
  };

  return { ...state, submit };
}
