package dev.milink.testkit.sql.engine;

import dev.milink.testkit.sql.SqlError;

/** Factory for the SQL Server errors the engine raises (numbers listed in README-sql-engine.md). */
final class Errors {

    private Errors() {
    }

    static SqlError error(int number, int severity, String message) {
        return new SqlError(number, 1, severity, message);
    }

    static SqlError error(int number, String message) {
        return new SqlError(number, 1, 16, message);
    }

    static SqlError syntaxAt(String message, int position) {
        return new SqlError(102, 1, 15, message);
    }

    static SqlError syntax(Token near) {
        if (near.kind() == Token.Kind.EOF) {
            return new SqlError(102, 1, 15, "Incorrect syntax near the end of the batch.");
        }
        if (near.kind() == Token.Kind.WORD && Keywords.isReserved(near.text())) {
            return new SqlError(156, 1, 15, "Incorrect syntax near the keyword '" + near.text() + "'.");
        }
        if (near.kind() == Token.Kind.STRING) {
            // never echo string literals: they may be passwords (CREATE MASTER KEY ... PASSWORD)
            return new SqlError(102, 1, 15, "Incorrect syntax near a string literal.");
        }
        return new SqlError(102, 1, 15, "Incorrect syntax near '" + near.text() + "'.");
    }

    static SqlError notFound(String verb, String kind, String name) {
        return error(15151, "Cannot " + verb + " the " + kind + " '" + name
                + "', because it does not exist or you do not have permission.");
    }

    static SqlError invalidObject(String name) {
        return error(208, "Invalid object name '" + name + "'.");
    }

    static SqlError invalidColumn(String name) {
        return error(207, "Invalid column name '" + name + "'.");
    }
}
