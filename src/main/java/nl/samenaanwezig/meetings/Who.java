package nl.samenaanwezig.meetings;

/** The three parties of a MOL-gesprek (the pedagogical triangle); who acted or owns something. */
public enum Who {
  MENTOR,
  STUDENT,
  BUDDY
}
