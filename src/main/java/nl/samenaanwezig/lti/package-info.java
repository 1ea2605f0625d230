/**
 * LTI 1.3 core on Nimbus: platform registrations, tool keys, login initiation, launch validation,
 * and the sessions and course memberships that launches create.
 */
package nl.samenaanwezig.lti;
