/** Class names spelled out in full so Tailwind finds them when it scans this lib. */
export const buttonStyles = {
  primary:
    'inline-flex items-center justify-center gap-1 rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-50',
  secondary:
    'inline-flex items-center justify-center gap-1 rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-50',
  danger:
    'inline-flex items-center justify-center gap-1 rounded-md bg-red-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-red-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-600 disabled:opacity-50',
  ghost:
    'inline-flex items-center justify-center gap-1 rounded px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-200 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600',
} as const;

export const inputStyles =
  'block w-full rounded-md border-0 bg-white px-3 py-1.5 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-600 focus:ring-inset';

export const labelStyles = 'block text-sm font-medium text-slate-700';

const accentFills = {
  indigo: 'bg-indigo-600 hover:bg-indigo-500 focus-visible:outline-indigo-600',
  slate: 'bg-slate-800 hover:bg-slate-700 focus-visible:outline-slate-800',
} as const;

/** Each app's colour for its main buttons: indigo in the web app, slate in the admin console. */
export type Accent = keyof typeof accentFills;

/** A filled button in the app's accent colour. */
export function accentButtonStyles(accent: Accent): string {
  return `rounded-md px-3 py-1.5 text-sm font-semibold text-white shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-not-allowed disabled:opacity-50 ${accentFills[accent]}`;
}
