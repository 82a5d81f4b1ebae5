export const CHAT_CONFIG = Symbol('CHAT_CONFIG');
