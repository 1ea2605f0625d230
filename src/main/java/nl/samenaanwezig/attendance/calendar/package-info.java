/**
 * The school calendar an administrator keeps on /admin (schoolkalender): the official Dutch school
 * holidays of the school's region, its own days off, and which absence counts as excused.
 */
package nl.samenaanwezig.attendance.calendar;
