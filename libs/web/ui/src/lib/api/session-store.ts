import type { Session } from '@melvin/shared/contracts';

const STORAGE_KEY = 'melvin.session';

type Listener = (session: Session | null) => void;

/**
 * The signed-in session, kept in localStorage so a reload stays signed in. One store per app:
 * the web app and the admin console each create their own under a different key.
 */
export class SessionStore {
  private session: Session | null;
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly key = STORAGE_KEY,
    private readonly storage: Storage | undefined = globalThis.localStorage,
  ) {
    this.session = this.read();
  }

  get current(): Session | null {
    return this.session;
  }

  set(session: Session | null): void {
    this.session = session;
    try {
      if (session) this.storage?.setItem(this.key, JSON.stringify(session));
      else this.storage?.removeItem(this.key);
    } catch {
      // Private browsing may refuse storage; the session still lives for this tab.
    }
    for (const listener of this.listeners) listener(session);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private read(): Session | null {
    try {
      const raw = this.storage?.getItem(this.key);
      const parsed = raw ? (JSON.parse(raw) as Session) : null;
      return parsed && typeof parsed.accessToken === 'string' && typeof parsed.refreshToken === 'string' ? parsed : null;
    } catch {
      return null;
    }
  }
}
