/**
 * Grades through the platform's Assignment and Grade Services 2.0 (cijferboek): line items, scores
 * and results, and the one use the tool makes of them, "MOL-gesprek gevoerd", off until an
 * institution's administrator switches it on. Presence is never a grade and never goes here.
 */
package nl.samenaanwezig.lti.ags;
