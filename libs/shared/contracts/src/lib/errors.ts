import { z } from 'zod';

/** Every error Melvin returns over HTTP has this shape; `code` is stable, `message` is for people. */
export const apiErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
