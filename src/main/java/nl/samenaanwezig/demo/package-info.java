/** Demo mode: a built-in LTI platform with a made-up class, only on localhost and on request. */
package nl.samenaanwezig.demo;
