package dev.milink.testkit.arm;

/** How the simulated ARM answers a write, following the ARM long-running-operation patterns. */
public enum LroStyle {
    /**
     * 201 (create) / 200 (update) with the resource body, or 202 for POST and DELETE, plus an
     * {@code Azure-AsyncOperation} URL whose body is {@code {"status":"InProgress|Succeeded|Failed|Canceled"}}.
     * POST and DELETE also get a {@code Location} URL that serves the final result; PUT and PATCH clients GET
     * the resource.
     */
    AZURE_ASYNC_OPERATION,
    /** 202 with a {@code Location} URL that answers 202 until done, then 200 with the final body or 204. */
    LOCATION,
    /**
     * 202 Accepted with no body and both {@code Azure-AsyncOperation} and {@code Location} URLs, for every write
     * including a create: the answer the spec documents as "Accepted request for creating" for the link and the
     * trust-certificate PUTs (and the az CLI's main create branch). Either URL moves the operation on.
     */
    ACCEPTED,
    /** No long-running operation: the final 200/201/204 at once. */
    SYNCHRONOUS
}
