/**
 * Buddies (ouders/verzorgers and other trusted adults a student names), the student's age, and
 * consent per buddy and topic; {@link nl.samenaanwezig.buddies.ContactRule} is the one place that
 * decides whether the school may contact a buddy about a topic on a day, and why (not).
 */
package nl.samenaanwezig.buddies;
