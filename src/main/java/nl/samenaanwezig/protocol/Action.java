package nl.samenaanwezig.protocol;

import java.util.Locale;

/** One thing to do on a protocol step, in the words of the mentor's task list. */
public enum Action {
  /** bel de student */
  CALL_STUDENT,
  /** praat met de student en maak een afspraak */
  TALK_WITH_STUDENT,
  /** neem contact op met ouders of buddy, als de toestemming dat toelaat */
  CONTACT_BUDDY,
  /** bel vandaag nog de ouders of verzorgers van een student onder de 18 */
  CALL_HOME,
  /** plan een MOL-gesprek (mentor, ouder/buddy, leerling) */
  PLAN_MOL_TALK,
  /** stuur een brief naar huis */
  SEND_LETTER,
  /** zet het bewijs voor de DUO-melding klaar */
  PREPARE_DUO_REPORT,
  /** bespreek in het zorgteam, vraag de jeugdarts */
  CONSULT_CARE_TEAM,
  /** meld bij leerplicht */
  REPORT_LEERPLICHT,
  /** meld bij het RMC */
  REPORT_RMC,
  /** verwijs door naar hulp */
  REFER;

  public String messageKey() {
    return "protocol.action." + name().toLowerCase(Locale.ROOT);
  }
}
