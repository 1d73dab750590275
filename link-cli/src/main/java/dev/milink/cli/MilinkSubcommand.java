package dev.milink.cli;

/**
 * A picocli subcommand that another artifact adds to {@code milink} when it is on the class path, found with
 * {@link java.util.ServiceLoader} (a {@code META-INF/services/dev.milink.cli.MilinkSubcommand} entry naming a
 * public class with a public no-argument constructor and a picocli {@code @Command} annotation).
 *
 * <p>Why a plug-in point: {@code milink demo} needs the simulators (test doubles and BouncyCastle), which must
 * never ship in the production {@code milink.jar}; the demo's own jar adds the subcommand instead.
 */
public interface MilinkSubcommand {
}
