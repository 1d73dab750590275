package dev.milink.testkit.world;

import dev.milink.testkit.sql.catalog.HadrEvent;
import dev.milink.testkit.sql.catalog.HadrListener;

/** Forwards what T-SQL did on one endpoint to the world; ignores the events the world caused itself. */
final class WorldSqlListener implements HadrListener {

    private final Side side;
    private final WorldContext ctx;
    private final LinkCoordinator links;

    WorldSqlListener(Side side, WorldContext ctx, LinkCoordinator links) {
        this.side = side;
        this.ctx = ctx;
        this.links = links;
    }

    @Override
    public void onEvent(HadrEvent event) {
        if (!ctx.isQuiet()) {
            links.onSqlEvent(side, event);
        }
    }
}
