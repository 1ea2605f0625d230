/**
 * Accountability under the AVG (GDPR): the append-only audit log of every read and change of a
 * student's buddy data, consent and contact notes.
 */
package nl.samenaanwezig.privacy;
