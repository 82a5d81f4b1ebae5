/**
 * A refusal with an HTTP-like status and a stable code: the services' error filter relays it as
 * it is. Another user's conversation or message is "not found", never "forbidden", so ids of
 * others' data reveal nothing.
 */
export class ConversationError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const conversationNotFound = () => new ConversationError(404, 'CONVERSATION_NOT_FOUND', 'No such conversation');
export const messageNotFound = () => new ConversationError(404, 'MESSAGE_NOT_FOUND', 'No such message');
export const notAnAnswer = () => new ConversationError(400, 'NOT_AN_ANSWER', "Only Melvin's answers can be rated");
export const invalidCursor = () => new ConversationError(400, 'INVALID_CURSOR', 'This page cursor is not valid; start again from the first page');
