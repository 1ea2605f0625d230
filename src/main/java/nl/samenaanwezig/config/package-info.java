/** Start-up settings of one running instance (database, public URL, demo switch). */
package nl.samenaanwezig.config;
