import type { ApiClient } from './api-client';

/** Fetches a file as the signed-in user (a plain link would lack the token) and saves it. */
export async function downloadFile(api: ApiClient, path: string, fallbackName: string): Promise<void> {
  const response = await api.raw(path);
  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
