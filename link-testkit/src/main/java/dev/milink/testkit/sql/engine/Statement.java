package dev.milink.testkit.sql.engine;

import dev.milink.testkit.sql.SqlError;

/** A parsed statement, run later against a session (so IF/ELSE branches are parsed but not run). */
@FunctionalInterface
interface Statement {

    void run(ExecContext ctx) throws SqlError;
}
