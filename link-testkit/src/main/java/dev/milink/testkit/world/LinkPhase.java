package dev.milink.testkit.world;

/** Where one link of the world stands. */
enum LinkPhase {
    /** Only one half exists (SQL Server DAG or ARM link), or both exist but have not been matched yet. */
    PENDING,
    /** Both halves exist but names, endpoints or trust are wrong; retried on every tick. */
    FAILED,
    /** Connected and seeding the database from the primary to the secondary. */
    SEEDING,
    /** Seeding failed (log backup during seeding, database already exists): the link must be recreated. */
    SEEDING_FAILED,
    /** Seeded; log flows from the primary to the secondary (or stops while both sides are primary). */
    REPLICATING,
    /** One half was dropped after the link had connected; nothing flows any more. */
    DETACHED
}
