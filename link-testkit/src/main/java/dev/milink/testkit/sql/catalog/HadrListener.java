package dev.milink.testkit.sql.catalog;

/** Receives catalog events; called on the thread that ran the statement, outside the catalog lock. */
@FunctionalInterface
public interface HadrListener {

    /** @param event what happened */
    void onEvent(HadrEvent event);
}
