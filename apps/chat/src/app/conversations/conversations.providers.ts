import type { Provider } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DataSource } from 'typeorm';
import { ConversationCatalog, TRANSCRIPT_MESSAGE_MODEL, TranscriptStore, type MessageRecord } from '@melvin/conversation/data-access';

/** The conversation data-access classes are plain TypeScript (tests and the CLI use them too); Nest wires them here. */
export const conversationProviders: Provider[] = [
  { provide: ConversationCatalog, inject: [DataSource], useFactory: (dataSource: DataSource) => new ConversationCatalog(dataSource) },
  {
    provide: TranscriptStore,
    inject: [getModelToken(TRANSCRIPT_MESSAGE_MODEL)],
    useFactory: (messages: Model<MessageRecord>) => new TranscriptStore(messages),
  },
];
