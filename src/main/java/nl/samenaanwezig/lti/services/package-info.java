/**
 * Calls to a platform's LTI Advantage services (NRPS, AGS): OAuth2 client_credentials access tokens
 * with a {@code private_key_jwt} assertion, cached per registration and scope set, and bounded HTTP
 * with one fresh-token retry on 401.
 */
package nl.samenaanwezig.lti.services;
