package dev.milink.testkit.sql.engine;

import java.util.Locale;
import java.util.Set;

/** Reserved words that cannot be bare aliases or column names. */
final class Keywords {

    private static final Set<String> RESERVED = Set.of("SELECT", "FROM", "WHERE", "GROUP", "ORDER", "BY", "AND",
            "OR", "NOT", "IS", "NULL", "IN", "LIKE", "AS", "ON", "IF", "ELSE", "BEGIN", "END", "EXISTS", "INSERT",
            "INTO", "VALUES", "CREATE", "ALTER", "DROP", "USE", "SET", "DECLARE", "EXEC", "EXECUTE", "PRINT",
            "BACKUP", "DBCC", "WITH", "FOR", "TO", "UNION", "HAVING", "TOP", "DISTINCT", "CAST", "RAISERROR",
            "THROW", "ASC", "DESC", "BETWEEN", "CASE", "WHEN", "THEN", "GO", "RETURN");

    private Keywords() {
    }

    static boolean isReserved(String word) {
        return RESERVED.contains(word.toUpperCase(Locale.ROOT));
    }
}
