/** Real-browser tests in headless Debian Chromium: LMS iframe launches, the demo, accessibility. */
package nl.samenaanwezig.browser;
