/**
 * The JSON REST API under {@code /api/v1} for a school's information system: per-institution API
 * tokens, lessons and marks pushed idempotently by the sender's ids, errors as RFC 9457 problem
 * details, and the OpenAPI document at {@code /api/openapi.json}.
 */
package nl.samenaanwezig.api;
