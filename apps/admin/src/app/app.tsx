import { StatusPage } from '@melvin/web/ui';

/** The operators' console, told apart from the public app by its title and a sober accent. */
export function App() {
  return <StatusPage title="Melvin admin" subtitle="Operator console — live status of Melvin's services" accent="slate" />;
}
