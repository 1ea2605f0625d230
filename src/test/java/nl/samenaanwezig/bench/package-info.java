/** Load drivers that measure the tool over real HTTP; run with {@code mvn -B -Pbench test}. */
package nl.samenaanwezig.bench;
