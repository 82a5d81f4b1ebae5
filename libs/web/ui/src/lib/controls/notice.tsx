import type { ReactNode } from 'react';

/** An error the user should read; announced by screen readers when it appears. */
export function ErrorNotice({ children, title, action }: { children: ReactNode; title?: string; action?: ReactNode }) {
  return (
    <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
      {title && <p className="font-semibold">{title}</p>}
      <div>{children}</div>
      {action && <div className="mt-2">{action}</div>}
    </div>
  );
}

/** Progress or waiting text, announced politely. */
export function StatusNote({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="text-sm text-slate-600">
      {children}
    </p>
  );
}
