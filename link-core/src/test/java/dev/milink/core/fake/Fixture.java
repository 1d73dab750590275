package dev.milink.core.fake;

import dev.milink.DatabaseStage;
import dev.milink.Link;
import dev.milink.LinkPlan;
import dev.milink.ManagedInstance;
import dev.milink.Secret;
import dev.milink.SecretSource;
import dev.milink.SqlServerInstance;
import dev.milink.core.EndpointProbe;
import dev.milink.core.JournalStore;
import dev.milink.core.LinkRunner;
import dev.milink.core.RetryPolicy;
import dev.milink.event.LinkEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Plans, a fake world and a runner wired to fake time. */
public final class Fixture {

    public static final String PASSWORD = "Sup3r-S3cret-Pa55word!";

    public final FakeWorld world;
    public final FakeClock clock = new FakeClock();
    public final List<LinkEvent> events = new CopyOnWriteArrayList<>();
    public JournalStore journal = JournalStore.inMemory();

    public Fixture(String... dbs) {
        this.world = new FakeWorld(dbs);
    }

    public static LinkPlan plan(String... dbs) {
        DatabaseStage<ManagedInstance> stage = Link.from(SqlServerInstance.of("SQLBOX01", "TCP://10.0.1.8:5022")).database(dbs);
        return stage.to(ManagedInstance.of("00000000-0000-0000-0000-000000000000", "rg", "mi-name")).twoWayDR(true).plan();
    }

    public LinkRunner runner() {
        return LinkRunner.with(world.sql, world.mi).journal(journal)
                .secrets(SecretSource.ofMasterKeyPassword(Secret.of(PASSWORD)))
                .listener(events::add).clock(clock).sleeper(clock.sleeper())
                .retry(new RetryPolicy(4, Duration.ofMillis(100), 2.0, Duration.ofSeconds(5), 0.2))
                .pollInterval(Duration.ofSeconds(10)).awaitTimeout(Duration.ofMinutes(10))
                .endpointProbe((host, port) -> Optional.empty());
    }

    public <T extends LinkEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
