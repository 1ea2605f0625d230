/**
 * Verzuimprotocol: the institution's escalation ladder and the signals it raises — which student
 * needs which step today, who acts, what to do and why, and who handled it.
 */
package nl.samenaanwezig.protocol;
