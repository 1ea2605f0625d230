package nl.samenaanwezig.lti.ags;

/**
 * What the platform's gradebook holds for one user on a line item (LTI AGS 2.0 section 3.3); the
 * scores are null when the platform has none.
 */
public record Result(
    String id,
    String userId,
    Double resultScore,
    Double resultMaximum,
    String comment,
    String scoreOf) {}
