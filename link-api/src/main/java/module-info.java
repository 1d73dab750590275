/**
 * milink's API: the fluent link builder, value types, the pure planner, the typed steps, the ports the
 * adapters implement, observed state, events and errors. Depends on nothing but the JDK and SLF4J.
 */
module dev.milink.api {
    requires static org.slf4j;

    exports dev.milink;
    exports dev.milink.step;
    exports dev.milink.state;
    exports dev.milink.port;
    exports dev.milink.event;
    // The planners' door to LinkPlan's constructor: the runtime derives rollback plans from a journal, nobody else
    // may build plans.
    exports dev.milink.plan to dev.milink.core;
}
