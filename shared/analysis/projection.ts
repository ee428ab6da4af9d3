/**
 * The learning projection lives in learning.ts; this module keeps the earlier import path
 * (`shared/analysis/projection`) working for the views and tests that use it.
 */
export * from './learning';
