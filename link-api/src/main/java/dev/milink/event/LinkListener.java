package dev.milink.event;

/** Receives the typed events of runs and health watches. */
@FunctionalInterface
public interface LinkListener {

    /** A listener that ignores everything. */
    LinkListener NONE = event -> { };

    /**
     * @param event the event
     */
    void onEvent(LinkEvent event);
}
