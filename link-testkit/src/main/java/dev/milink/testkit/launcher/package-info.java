/**
 * {@link dev.milink.testkit.launcher.SimulatorLauncher}: the simulators as a standalone process
 * ({@code target/milink-simulator.jar}), a test double for trying clients by hand, not SQL Server.
 */
package dev.milink.testkit.launcher;
