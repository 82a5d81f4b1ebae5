export const LOOP_CONFIG = Symbol('LOOP_CONFIG');
