/**
 * The course roster (klassenlijst) from the platform's Names and Role Provisioning Services 2.0:
 * reading all pages of a membership container, and keeping our members in step with it.
 */
package nl.samenaanwezig.lti.nrps;
