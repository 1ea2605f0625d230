package nl.samenaanwezig.protocol;

import java.time.LocalDate;

/**
 * What a rule found in a student's attendance: the step reached and its evidence. {@code amount} is
 * in the rule's own unit (unexcused minutes, late arrivals, sick reports or school days, luxury
 * lessons); {@code fact} picks the sentence that explains it ({@code signal.fact.<fact>}).
 *
 * @param since the day the threshold was reached
 * @param due the last day to act (the DUO report), or null
 */
public record Finding(
    Rule rule,
    int level,
    String fact,
    long amount,
    LocalDate from,
    LocalDate to,
    LocalDate since,
    LocalDate due) {}
