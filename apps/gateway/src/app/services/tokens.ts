export const SERVICES_CLIENT = Symbol('SERVICES_CLIENT');
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
