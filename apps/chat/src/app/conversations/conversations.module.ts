import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ConversationCatalog, MessageSchema, TRANSCRIPT_MESSAGE_MODEL, TranscriptStore } from '@melvin/conversation/data-access';
import { ConversationService } from './conversation.service';
import { ConversationsController } from './conversations.controller';
import { conversationProviders } from './conversations.providers';

/** Conversations: lifecycle, search, export and feedback. The stores are exported for the answering pipeline. */
@Module({
  imports: [MongooseModule.forFeature([{ name: TRANSCRIPT_MESSAGE_MODEL, schema: MessageSchema }])],
  controllers: [ConversationsController],
  providers: [...conversationProviders, ConversationService],
  exports: [ConversationService, ConversationCatalog, TranscriptStore],
})
export class ConversationsModule {}
