/**
 * Small compiled programs that the README quotes: create a link, watch its health, fail over, render the
 * script. They run against milink's simulators (test doubles); comments show how to point them at real servers.
 */
package dev.milink.examples;
