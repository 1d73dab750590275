/**
 * JUnit 5 support: {@link dev.milink.testkit.junit.MilinkSimulators} starts a linked world of test doubles
 * (simulated SQL Server, Managed Instance endpoint, ARM) per test or per class and injects its parts.
 */
package dev.milink.testkit.junit;
