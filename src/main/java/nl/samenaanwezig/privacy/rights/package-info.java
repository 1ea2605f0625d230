/**
 * The rights of a student as data subject (AVG art. 15 and 17): everything about them as an export,
 * erasure on request, and the retention job that erases a student some months after they left all
 * courses.
 */
package nl.samenaanwezig.privacy.rights;
