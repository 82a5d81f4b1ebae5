import type { BackendServiceName } from './services';

/**
 * Redis transport message patterns. The channel name is a wire format shared by services
 * that deploy separately: change one only together with every consumer.
 */
export const MessagePatterns = {
  /** Asks a service for its readiness report. */
  readiness: (service: BackendServiceName) => `${service}.health.ready` as const,
  identity: {
    requestAccount: 'auth.accounts.request',
    login: 'auth.sessions.login',
    refresh: 'auth.sessions.refresh',
    logout: 'auth.sessions.logout',
    checkSession: 'auth.sessions.check',
    me: 'auth.me.get',
    changePassword: 'auth.me.change-password',
    completePasswordReset: 'auth.password-reset.complete',
    listPending: 'auth.admin.requests.list',
    decide: 'auth.admin.requests.decide',
    listUsers: 'auth.admin.users.list',
    updateUser: 'auth.admin.users.update',
    revokeSessions: 'auth.admin.users.revoke-sessions',
    resetPassword: 'auth.admin.users.reset-password',
    listAudit: 'auth.admin.audit.list',
  },
  ingestion: {
    /** Reads the state and progress of one ingestion job. */
    jobStatus: 'ingestion-worker.jobs.status',
    /** The newest ingestion runs, with their counts, warnings and errors. */
    listRuns: 'ingestion-worker.runs.list',
  },
  loops: {
    analyseCards: 'loop-analysis.analyses.cards',
    startDeck: 'loop-analysis.analyses.deck',
    list: 'loop-analysis.analyses.list',
    get: 'loop-analysis.analyses.get',
    export: 'loop-analysis.analyses.export',
  },
  /** The knowledge read side, served by the chat service (which keeps the search index in memory). */
  knowledge: {
    search: 'chat.knowledge.search',
    card: 'chat.knowledge.card',
    autocomplete: 'chat.knowledge.autocomplete',
    cardSearch: 'chat.knowledge.card-search',
    rule: 'chat.knowledge.rule',
    glossary: 'chat.knowledge.glossary',
    status: 'chat.knowledge.status',
  },
} as const;
