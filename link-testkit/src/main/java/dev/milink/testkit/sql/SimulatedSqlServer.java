package dev.milink.testkit.sql;

import dev.milink.testkit.sql.catalog.BackupInfo;
import dev.milink.testkit.sql.catalog.DatabaseInfo;
import dev.milink.testkit.sql.catalog.HadrCatalog;
import dev.milink.testkit.sql.catalog.UserTable;
import dev.milink.testkit.sql.engine.LoginAccount;
import dev.milink.testkit.sql.engine.ProductVersions;
import dev.milink.testkit.sql.engine.Server;
import dev.milink.testkit.sql.engine.ServerConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A simulated SQL Server or Azure SQL Managed Instance: a T-SQL engine ({@link #engine()}) over an in-memory
 * HADR catalog ({@link #catalog()}). A test double, not SQL Server; see {@code link-testkit/README-sql-engine.md}.
 *
 * <pre>{@code
 * SimulatedSqlServer server = SimulatedSqlServer.builder().serverName("SQLBOX01").hadrEnabled(true)
 *         .login("sa", "pw", true).database("SalesDb", d -> d.recoveryFull().fullBackup().table("Orders",
 *                 List.of("id", "item"))).build();
 * }</pre>
 */
public final class SimulatedSqlServer {

    private final ServerConfig config;
    private final HadrCatalog catalog;
    private final Server engine;

    private SimulatedSqlServer(ServerConfig config, HadrCatalog catalog) {
        this.config = config;
        this.catalog = catalog;
        this.engine = new Server(config, catalog);
    }

    /** @return a builder with SQL Server 2022 CU17 Enterprise defaults, HADR off, no logins */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the engine the TDS layer calls (thread safe) */
    public SqlEngine engine() {
        return engine;
    }

    /** @return the catalog, for tests and a linked world */
    public HadrCatalog catalog() {
        return catalog;
    }

    /** @return the server name, what {@code @@SERVERNAME} answers */
    public String serverName() {
        return config.serverName();
    }

    /** @return the flavor */
    public Flavor flavor() {
        return config.flavor();
    }

    @Override
    public String toString() {
        return "SimulatedSqlServer[" + config.serverName() + ", " + config.flavor() + "]";
    }

    /** Configures a database seeded at build time. */
    public static final class DatabaseBuilder {
        private final String name;
        private String recovery = "SIMPLE";
        private boolean fullBackup;
        private int logFiles = 1;
        private long sizeBytes = 64L << 20;
        private final List<UserTable> tables = new ArrayList<>();

        private DatabaseBuilder(String name) {
            this.name = name;
        }

        /** @return this, in the FULL recovery model (default SIMPLE) */
        public DatabaseBuilder recoveryFull() {
            recovery = "FULL";
            return this;
        }

        /**
         * @param model recovery model as {@code sys.databases} shows it
         * @return this, with the given recovery model (FULL, SIMPLE, BULK_LOGGED)
         */
        public DatabaseBuilder recovery(String model) {
            recovery = model;
            return this;
        }

        /** @return this, with one non-copy-only full backup in msdb.dbo.backupset */
        public DatabaseBuilder fullBackup() {
            fullBackup = true;
            return this;
        }

        /**
         * @param count number of log files
         * @return this, with that many log files (the link needs exactly 1)
         */
        public DatabaseBuilder logFiles(int count) {
            logFiles = count;
            return this;
        }

        /**
         * @param bytes data size in bytes
         * @return this, with that data size (what seeding transfers)
         */
        public DatabaseBuilder sizeBytes(long bytes) {
            sizeBytes = bytes;
            return this;
        }

        /**
         * Adds an empty user table {@code name.dbo.table}.
         *
         * @param table table name in schema {@code dbo}
         * @param columns column names, in order
         * @return this
         */
        public DatabaseBuilder table(String table, List<String> columns) {
            return table(table, columns, List.of());
        }

        /**
         * Adds a user table with rows.
         *
         * @param table table name in schema {@code dbo}
         * @param columns column names, in order
         * @param rows initial rows, each with one value per column
         * @return this
         */
        public DatabaseBuilder table(String table, List<String> columns, List<List<Object>> rows) {
            tables.add(new UserTable(name, table, columns, rows));
            return this;
        }
    }

    /** Builds a {@link SimulatedSqlServer}. */
    public static final class Builder {
        private String serverName = "SQLBOX01";
        private String productVersion = "16.0.4175.1";
        private String productLevel;
        private String productUpdateLevel;
        private boolean levelGiven;
        private String edition = "Enterprise Edition (64-bit)";
        private Flavor flavor = Flavor.SQL_SERVER;
        private boolean hadrEnabled;
        private String collation = "SQL_Latin1_General_CP1_CI_AS";
        private final List<LoginAccount> logins = new ArrayList<>();
        private final Set<Integer> traceFlags = new LinkedHashSet<>();
        private Clock clock = Clock.systemUTC();
        private final List<DatabaseBuilder> databases = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param name the server name
         * @return this, with the name {@code @@SERVERNAME} answers
         */
        public Builder serverName(String name) {
            serverName = Objects.requireNonNull(name);
            return this;
        }

        /**
         * Sets SERVERPROPERTY('ProductVersion') (SQL Server flavor); ProductLevel / ProductUpdateLevel and the
         * {@code @@VERSION} text are derived from it unless {@link #productLevel(String, String)} is called.
         *
         * @param version product version, for example {@code 16.0.4175.1}
         * @return this
         */
        public Builder productVersion(String version) {
            productVersion = Objects.requireNonNull(version);
            return this;
        }

        /**
         * @param level ProductLevel, for example {@code RTM}
         * @param updateLevel ProductUpdateLevel, for example {@code CU17}, or {@code null}
         * @return this, with ProductLevel (RTM, SP1) and ProductUpdateLevel (CU17, or null)
         */
        public Builder productLevel(String level, String updateLevel) {
            productLevel = Objects.requireNonNull(level);
            productUpdateLevel = updateLevel;
            levelGiven = true;
            return this;
        }

        /**
         * @param value the SERVERPROPERTY('Edition') text
         * @return this, with SERVERPROPERTY('Edition'); Standard gives EngineEdition 2
         */
        public Builder edition(String value) {
            edition = Objects.requireNonNull(value);
            return this;
        }

        /**
         * @param value which kind of server to simulate
         * @return this, pretending to be SQL Server or a Managed Instance
         */
        public Builder flavor(Flavor value) {
            flavor = Objects.requireNonNull(value);
            return this;
        }

        /**
         * @param enabled whether availability groups are enabled (SERVERPROPERTY('IsHadrEnabled'))
         * @return this, with Always On availability groups enabled or not
         */
        public Builder hadrEnabled(boolean enabled) {
            hadrEnabled = enabled;
            return this;
        }

        /**
         * @param value server collation name
         * @return this, with the server collation
         */
        public Builder collation(String value) {
            collation = Objects.requireNonNull(value);
            return this;
        }

        /**
         * @param user login name
         * @param password password the login must present
         * @param sysadmin whether the login is a member of {@code sysadmin}
         * @return this, with a SQL login (the password is only compared, never shown)
         */
        public Builder login(String user, String password, boolean sysadmin) {
            logins.add(new LoginAccount(user, password, sysadmin));
            return this;
        }

        /**
         * @param flags trace flag numbers, as if set with {@code -T} at startup
         * @return this, with global startup trace flags
         */
        public Builder traceFlags(int... flags) {
            for (int f : flags) {
                traceFlags.add(f);
            }
            return this;
        }

        /**
         * @param value clock the server reads for every timestamp
         * @return this, with the clock for every timestamp
         */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value);
            return this;
        }

        /**
         * @param name database name
         * @param spec configures the database: recovery model, backups, files, tables
         * @return this, with a user database configured by {@code spec}
         */
        public Builder database(String name, Consumer<DatabaseBuilder> spec) {
            DatabaseBuilder d = new DatabaseBuilder(name);
            spec.accept(d);
            databases.add(d);
            return this;
        }

        /** @return the server */
        public SimulatedSqlServer build() {
            HadrCatalog catalog = new HadrCatalog(clock);
            catalog.setHadrEnabled(hadrEnabled || flavor == Flavor.MANAGED_INSTANCE);
            traceFlags.forEach(catalog::enableTraceFlag);
            for (DatabaseBuilder d : databases) {
                DatabaseInfo db = catalog.addDatabase(d.name, d.recovery, collation, d.logFiles, d.sizeBytes);
                d.tables.forEach(catalog.tables()::putTable);
                if (d.fullBackup) {
                    catalog.recordBackup(new BackupInfo(db.name(), "D", false, catalog.now(), catalog.now(),
                            db.endOfLogLsn(), db.endOfLogLsn(), "NUL", false));
                }
            }
            String level = levelGiven ? productLevel : ProductVersions.productLevel(productVersion);
            String update = levelGiven ? productUpdateLevel : ProductVersions.updateLevel(productVersion);
            ServerConfig config = new ServerConfig(serverName, productVersion, level, update,
                    edition, flavor, collation, logins);
            return new SimulatedSqlServer(config, catalog);
        }
    }
}
