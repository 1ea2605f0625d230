/** Web plumbing shared by all features: page rendering, languages, security headers, errors. */
package nl.samenaanwezig.web;
