import { useState } from 'react';
import { buttonStyles, downloadFile, errorMessage } from '@melvin/web/ui';
import { useApi } from '../api-context';
import { conversationsApi } from './conversations-api';

const formats = [
  { format: 'markdown', label: 'Export Markdown', extension: 'md' },
  { format: 'json', label: 'Export JSON', extension: 'json' },
] as const;

export function ExportButtons({ conversationId }: { conversationId: string }) {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-2">
      {formats.map(({ format, label, extension }) => (
        <button
          key={format}
          type="button"
          className={buttonStyles.secondary}
          onClick={() => {
            setError(null);
            downloadFile(api, conversationsApi(api).exportPath(conversationId, format), `melvin-conversation.${extension}`).catch((failure: unknown) => setError(errorMessage(failure)));
          }}
        >
          {label}
        </button>
      ))}
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </div>
  );
}
