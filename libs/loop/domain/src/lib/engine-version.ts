/** Bumped whenever parser or search changes could change results, so stored analyses can be redone. */
export const ENGINE_VERSION = '1.5.0';
