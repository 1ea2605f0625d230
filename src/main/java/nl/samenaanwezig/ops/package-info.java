/**
 * What an operator runs and watches: liveness and readiness, metrics for Prometheus, and the
 * scheduled jobs that run once across all nodes (job leases).
 */
package nl.samenaanwezig.ops;
