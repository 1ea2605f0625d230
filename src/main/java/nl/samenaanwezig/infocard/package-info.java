/**
 * Informatiekaart: the one-page card for home with the attendance rules, how to report ill or late,
 * the mentor's number, the verzuimprotocol in plain words and where to go with worries — its texts
 * per language, the plain-language check, the print page, the PDF and the public link.
 */
package nl.samenaanwezig.infocard;
