package nl.samenaanwezig.buddies;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Phone numbers of buddies: typed the way people write them (06-12345678, +32 470 12 34 56), stored
 * as E.164 (+31612345678), shown nationally for Dutch numbers and internationally for others.
 */
public final class PhoneNumbers {
  /** A number without a country code is Dutch. */
  public static final String DEFAULT_REGION = "NL";

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private PhoneNumbers() {}

  /** The E.164 form of a valid number, or empty when it is no valid phone number. */
  public static Optional<String> normalise(String typed) {
    if (typed == null || typed.isBlank() || typed.length() > 40) {
      return Optional.empty();
    }
    try {
      PhoneNumber number = UTIL.parse(typed.strip(), DEFAULT_REGION);
      return UTIL.isValidNumber(number)
          ? Optional.of(UTIL.format(number, PhoneNumberFormat.E164))
          : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /** How a stored number is shown: 06 12345678 for Dutch numbers, +32 470 12 34 56 otherwise. */
  public static String display(String e164) {
    if (e164 == null) {
      return null;
    }
    try {
      PhoneNumber number = UTIL.parse(e164, DEFAULT_REGION);
      return UTIL.getRegionCodeForNumber(number) != null
              && UTIL.getRegionCodeForNumber(number).equals(DEFAULT_REGION)
          ? UTIL.format(number, PhoneNumberFormat.NATIONAL)
          : UTIL.format(number, PhoneNumberFormat.INTERNATIONAL);
    } catch (NumberParseException e) {
      return e164;
    }
  }
}
