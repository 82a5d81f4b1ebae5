import { describeVectorStoreContract } from '@melvin/knowledge/retrieval';
import { QdrantVectorStore } from './qdrant-vector-store';

const qdrantUrl = process.env['QDRANT_URL'];

describeVectorStoreContract(
  'QdrantVectorStore',
  () => new QdrantVectorStore({ url: qdrantUrl ?? '', apiKey: process.env['QDRANT_API_KEY'] }),
  qdrantUrl ? {} : { skip: 'set QDRANT_URL to run against a live Qdrant' },
);
