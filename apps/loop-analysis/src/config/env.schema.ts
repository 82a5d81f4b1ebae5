import { z } from 'zod';
import { httpPortEnv, mongoEnv, redisEnv, runtimeEnv } from '@melvin/shared/config';

export const loopAnalysisEnvSchema = z.object({
  ...runtimeEnv,
  ...httpPortEnv(8103),
  ...redisEnv,
  ...mongoEnv,
});
export type LoopAnalysisConfig = z.infer<typeof loopAnalysisEnvSchema>;
