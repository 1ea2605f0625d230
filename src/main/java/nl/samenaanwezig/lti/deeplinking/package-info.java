/**
 * LTI Deep Linking 2.0: the picker a teacher sees in the platform's "select content" dialog, the
 * signed LtiDeepLinkingResponse with the chosen placements, and where a placed link opens.
 */
package nl.samenaanwezig.lti.deeplinking;
