/** DI token for the service's winston logger. */
export const SERVICE_LOGGER = Symbol('SERVICE_LOGGER');
/** DI token for the list of dependency checks behind /health/ready. */
export const DEPENDENCY_CHECKS = Symbol('DEPENDENCY_CHECKS');
/** DI token for the service's identity (name and version). */
export const SERVICE_IDENTITY = Symbol('SERVICE_IDENTITY');
