package nl.samenaanwezig.lti.nrps;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * All pages of one membership container: the context it describes, its members, and the differences
 * link the platform offered for the next read.
 */
public record Roster(
    Optional<String> contextId,
    String contextTitle,
    String contextLabel,
    List<RosterMember> members,
    Optional<URI> differences,
    int pages) {}
