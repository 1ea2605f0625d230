/** The database: Flyway migrations and the JPA persistence unit with its transaction helpers. */
package nl.samenaanwezig.db;
