package dev.milink.testkit.world;

/**
 * Why a link cannot connect or seed: the SQL Server error number shown as the remote replica's last connect
 * error, its text, and the ARM {@code replicaState} the instance reports.
 *
 * @param number the error number (41973, 41974, 41976, 41977, 41986, 41962, 1412)
 * @param text the description
 * @param armReplicaState {@code LinkInitError} or {@code LinkCreationError}
 */
record LinkFault(int number, String text, String armReplicaState) {

    static LinkFault init(int number, String text) {
        return new LinkFault(number, text, "LinkInitError");
    }

    static LinkFault creation(int number, String text) {
        return new LinkFault(number, text, "LinkCreationError");
    }

    /** @return the text ARM shows in {@code mostRecentLinkError} */
    String armText() {
        return "Error " + number + ": " + text;
    }
}
