/** Institution settings for administrators: platform registrations and the tool's keys. */
package nl.samenaanwezig.admin;
