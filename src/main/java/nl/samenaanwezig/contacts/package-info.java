/**
 * The mentor's side of the pedagogische driehoek: a student's buddies as the consent rule allows
 * them today, and the contact log (who was contacted, how, about what, and what follows).
 */
package nl.samenaanwezig.contacts;
