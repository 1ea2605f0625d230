/**
 * LTI Dynamic Registration 1.0 (tool side): a platform administrator pastes {@code /lti/register}
 * into the LMS, and the tool reads the platform's OpenID configuration, registers itself there and
 * remembers the platform (koppeling van een leeromgeving zonder overtypen).
 */
package nl.samenaanwezig.lti.registration;
