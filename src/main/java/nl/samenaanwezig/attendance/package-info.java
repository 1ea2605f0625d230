/**
 * Attendance (aanwezigheid): lessons, one mark per student per lesson with its history, and the
 * per-day figures that presence percentages and protocol signals are computed from.
 */
package nl.samenaanwezig.attendance;
