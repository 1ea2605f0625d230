package nl.samenaanwezig.buddies;

/** How a buddy relates to the student (relatie). */
public enum Relationship {
  /** Ouder of verzorger. */
  PARENT,
  /** Stiefouder. */
  STEPPARENT,
  /** Broer of zus. */
  SIBLING,
  /** Opa of oma. */
  GRANDPARENT,
  /** Oom of tante. */
  UNCLE_AUNT,
  /** Partner. */
  PARTNER,
  /** Vriend of vriendin. */
  FRIEND,
  /** Buurman of buurvrouw. */
  NEIGHBOUR,
  /** Sportcoach of trainer. */
  COACH,
  /** Iemand anders. */
  OTHER
}
