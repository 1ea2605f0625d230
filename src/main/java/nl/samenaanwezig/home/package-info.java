/** Start pages per role: where a launch lands, the mentor's class page and the student's page. */
package nl.samenaanwezig.home;
