package nl.samenaanwezig.buddies;

/** How a buddy prefers to be reached; also how a contact took place. */
public enum Channel {
  /** Bellen. */
  CALL,
  /** Sms of WhatsApp. */
  SMS_WHATSAPP,
  /** E-mail. */
  EMAIL,
  /** Brief. */
  LETTER,
  /** Langskomen (op school of thuis). */
  VISIT
}
