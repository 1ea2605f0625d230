/**
 * Importing attendance (importeren) for one course from a file: our documented CSV format and
 * Moodle mod_attendance's export, validated as a whole before anything is written, idempotent on
 * re-import.
 */
package nl.samenaanwezig.attendance.imports;
