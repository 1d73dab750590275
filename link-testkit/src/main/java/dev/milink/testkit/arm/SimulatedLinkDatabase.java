package dev.milink.testkit.arm;

import java.math.BigInteger;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The replication state of one database in a {@link SimulatedLink}, as the simulated ARM reports it in
 * {@code properties.databases[]}. Mutable so a linked world can drive it; every accessor takes the
 * simulator's lock, so updates are atomic with respect to ARM requests. A {@code null} value is left out of
 * the JSON, as ARM omits unknown values.
 */
public final class SimulatedLinkDatabase {

    /** The LSN/time pairs ARM reports, each rendered as {@code <prefix>Lsn} and {@code <prefix>Time}. */
    public enum Lsn {
        /** {@code lastReceivedLsn}/{@code lastReceivedTime} */
        RECEIVED("lastReceived"),
        /** {@code lastSentLsn}/{@code lastSentTime} */
        SENT("lastSent"),
        /** {@code lastCommitLsn}/{@code lastCommitTime} */
        COMMIT("lastCommit"),
        /** {@code lastHardenedLsn}/{@code lastHardenedTime} */
        HARDENED("lastHardened"),
        /** {@code lastBackupLsn}/{@code lastBackupTime} */
        BACKUP("lastBackup");

        private final String jsonPrefix;

        Lsn(String jsonPrefix) {
            this.jsonPrefix = jsonPrefix;
        }

        /** @return the JSON property prefix, for example {@code lastHardened} */
        public String jsonPrefix() {
            return jsonPrefix;
        }
    }

    /** Replica states during which the database is not yet usable on the instance. */
    private static final Set<String> SEEDING_STATES = Set.of("seeding", "creatinglink", "copying", "notstarted", "pending");

    private static final BigInteger FIRST_LSN = new BigInteger("37000000012800001");

    private final ReentrantLock lock;
    private final String databaseName;
    private final Map<Lsn, BigInteger> lsns = new EnumMap<>(Lsn.class);
    private final Map<Lsn, Instant> times = new EnumMap<>(Lsn.class);
    private String replicaState = "Seeding";
    private String seedingProgress = "0%";
    private String synchronizationHealth = "NOT_HEALTHY";
    private String connectedState = "CONNECTED";
    private String mostRecentLinkError;
    private String partnerAuthCertName;
    private Instant partnerAuthCertExpiry;
    private Integer sendLagSeconds;
    private Integer redoLagSeconds;
    private UUID instanceReplicaId = UUID.randomUUID();
    private UUID partnerReplicaId = UUID.randomUUID();

    SimulatedLinkDatabase(ReentrantLock lock, String databaseName) {
        this.lock = lock;
        this.databaseName = databaseName;
    }

    private <T> T read(Supplier<T> getter) {
        lock.lock();
        try {
            return getter.get();
        } finally {
            lock.unlock();
        }
    }

    private SimulatedLinkDatabase write(Runnable setter) {
        lock.lock();
        try {
            setter.run();
            return this;
        } finally {
            lock.unlock();
        }
    }

    /** @return the database name as given at creation */
    public String databaseName() {
        return databaseName;
    }

    /** @return {@code replicaState}, for example {@code Seeding}, {@code Catchup}, {@code LinkFailoverInProgress} */
    public String replicaState() {
        return read(() -> replicaState);
    }

    /**
     * @param value new {@code replicaState}
     * @return this
     */
    public SimulatedLinkDatabase replicaState(String value) {
        return write(() -> replicaState = value);
    }

    /** @return {@code seedingProgress} such as {@code 80%}, or null */
    public String seedingProgress() {
        return read(() -> seedingProgress);
    }

    /**
     * @param value new {@code seedingProgress}, null to omit
     * @return this
     */
    public SimulatedLinkDatabase seedingProgress(String value) {
        return write(() -> seedingProgress = value);
    }

    /** @return {@code synchronizationHealth}: {@code NOT_HEALTHY}, {@code PARTIALLY_HEALTHY} or {@code HEALTHY} */
    public String synchronizationHealth() {
        return read(() -> synchronizationHealth);
    }

    /**
     * @param value new {@code synchronizationHealth}
     * @return this
     */
    public SimulatedLinkDatabase synchronizationHealth(String value) {
        return write(() -> synchronizationHealth = value);
    }

    /** @return {@code connectedState}: {@code CONNECTED} or {@code DISCONNECTED} */
    public String connectedState() {
        return read(() -> connectedState);
    }

    /**
     * @param value new {@code connectedState}
     * @return this
     */
    public SimulatedLinkDatabase connectedState(String value) {
        return write(() -> connectedState = value);
    }

    /**
     * @param kind which LSN the link reports
     * @return the LSN of that kind, or null
     */
    public BigInteger lsn(Lsn kind) {
        return read(() -> lsns.get(kind));
    }

    /**
     * @param kind which LSN the link reports
     * @return the time of that LSN, or null
     */
    public Instant lsnTime(Lsn kind) {
        return read(() -> times.get(kind));
    }

    /**
     * @param kind which LSN
     * @param value the LSN (rendered as a decimal string), null to omit
     * @param time its time, null to omit
     * @return this
     */
    public SimulatedLinkDatabase lsn(Lsn kind, BigInteger value, Instant time) {
        return write(() -> {
            lsns.put(kind, value);
            times.put(kind, time);
        });
    }

    /** @return {@code mostRecentLinkError}, or null */
    public String mostRecentLinkError() {
        return read(() -> mostRecentLinkError);
    }

    /**
     * @param value new {@code mostRecentLinkError}, null to omit
     * @return this
     */
    public SimulatedLinkDatabase mostRecentLinkError(String value) {
        return write(() -> mostRecentLinkError = value);
    }

    /** @return {@code partnerAuthCertValidity.certificateName}, or null */
    public String partnerAuthCertName() {
        return read(() -> partnerAuthCertName);
    }

    /** @return {@code partnerAuthCertValidity.expiryDate}, or null */
    public Instant partnerAuthCertExpiry() {
        return read(() -> partnerAuthCertExpiry);
    }

    /**
     * @param certificateName the SQL Server endpoint certificate name, null to omit the object
     * @param expiry its expiry
     * @return this
     */
    public SimulatedLinkDatabase partnerAuthCertValidity(String certificateName, Instant expiry) {
        return write(() -> {
            partnerAuthCertName = certificateName;
            partnerAuthCertExpiry = expiry;
        });
    }

    /** @return {@code instanceSendReplicationLagSeconds}, or null */
    public Integer sendLagSeconds() {
        return read(() -> sendLagSeconds);
    }

    /** @return {@code instanceRedoReplicationLagSeconds}, or null */
    public Integer redoLagSeconds() {
        return read(() -> redoLagSeconds);
    }

    /**
     * @param send {@code instanceSendReplicationLagSeconds}, null to omit
     * @param redo {@code instanceRedoReplicationLagSeconds}, null to omit
     * @return this
     */
    public SimulatedLinkDatabase lagSeconds(Integer send, Integer redo) {
        return write(() -> {
            sendLagSeconds = send;
            redoLagSeconds = redo;
        });
    }

    /** @return {@code instanceReplicaId} */
    public UUID instanceReplicaId() {
        return read(() -> instanceReplicaId);
    }

    /** @return {@code partnerReplicaId} */
    public UUID partnerReplicaId() {
        return read(() -> partnerReplicaId);
    }

    /**
     * @param instance new {@code instanceReplicaId}
     * @param partner new {@code partnerReplicaId}
     * @return this
     */
    public SimulatedLinkDatabase replicaIds(UUID instance, UUID partner) {
        return write(() -> {
            instanceReplicaId = instance;
            partnerReplicaId = partner;
        });
    }

    /**
     * Puts the database in the steady state the default lifecycle reports after a create: seeding done,
     * {@code Catchup}, {@code HEALTHY}, {@code CONNECTED}, all LSNs equal, no lag.
     *
     * @param now the time stamped on the LSNs
     * @return this
     */
    public SimulatedLinkDatabase caughtUp(Instant now) {
        return write(() -> {
            replicaState = "Catchup";
            seedingProgress = null;
            synchronizationHealth = "HEALTHY";
            connectedState = "CONNECTED";
            mostRecentLinkError = null;
            for (Lsn kind : Lsn.values()) {
                BigInteger current = lsns.get(kind);
                lsns.put(kind, current != null ? current : kind == Lsn.BACKUP ? FIRST_LSN : FIRST_LSN.add(BigInteger.valueOf(300)));
                times.put(kind, now);
            }
            sendLagSeconds = 0;
            redoLagSeconds = 0;
        });
    }

    /**
     * @return true once seeding has finished, that is the replica state is none of the seeding states and not an
     *     {@code ...Error} state; from then on the database is listed among the instance's databases
     */
    public boolean isSeeded() {
        return read(() -> {
            String state = replicaState == null ? "" : replicaState.toLowerCase(Locale.ROOT);
            return !state.isEmpty() && !SEEDING_STATES.contains(state) && !state.endsWith("error");
        });
    }
}
