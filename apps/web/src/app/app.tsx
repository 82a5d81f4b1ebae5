import { StatusPage } from '@melvin/web/ui';

/** The public face of Melvin: for now, the status of its services. */
export function App() {
  return <StatusPage title="Melvin" subtitle="Your Magic: The Gathering rules assistant — service status" />;
}
