/**
 * The TDS protocol layer of an in-process <b>test double</b> that the Microsoft JDBC driver
 * ({@code mssql-jdbc} 13.x) connects to over loopback TCP. It is not SQL Server and must never be
 * described as one: it decodes TDS and hands every login and statement to a
 * {@link dev.milink.testkit.sql.SqlEngine}, which owns all SQL semantics.
 *
 * <h2>What it models (a TDS 7.4 subset)</h2>
 * <ul>
 *   <li>PRELOGIN: answers {@code ENCRYPT_NOT_SUP} to clients that do not ask for encryption; with
 *       {@link dev.milink.testkit.tds.TdsEncryption#TLS_IN_PRELOGIN}, a TLS 1.2 handshake inside PRELOGIN
 *       packets and TLS for the rest of the session ({@code encrypt=true;trustServerCertificate=true}).</li>
 *   <li>LOGIN7 with SQL authentication (user, scrambled password, database, application name); replies with
 *       LOGINACK and ENVCHANGE database, collation ({@code SQL_Latin1_General_CP1_CI_AS}) and packet size, or
 *       with an ERROR token for a refused login.</li>
 *   <li>SQL_BATCH, and RPC calls to {@code sp_executesql}, {@code sp_prepexec}, {@code sp_prepare},
 *       {@code sp_execute} and {@code sp_unprepare} (also {@code EXEC sp_unprepare n} batches), including
 *       several RPC calls batched in one message. Parameters are bound positionally to {@code @P0..@Pn}.
 *       A call to any other procedure by name reaches the engine as {@code EXEC name @P0, @P1, ...} with its
 *       values; OUTPUT parameter values are not returned. Cursor procedures (ProcIDs 1 to 9) answer error
 *       2812.</li>
 *   <li>Result tokens for every {@link dev.milink.testkit.sql.SqlType}: COLMETADATA, ROW (PLP for MAX types),
 *       DONE/DONEINPROC/DONEPROC with MORE, COUNT, ERROR and ATTN bits and a CurCmd the driver turns into
 *       update counts; ERROR and INFO tokens; ENVCHANGE after {@code USE}; severity 20 and above closes the
 *       connection after the error.</li>
 *   <li>ATTENTION (query timeout, {@code Statement.cancel()}): the running statement sees
 *       {@link dev.milink.testkit.sql.CancelSignal#isCancelled()}, the interrupted reply is ended and the
 *       acknowledgement follows as a second message, so the connection stays usable.</li>
 *   <li>The RESETCONNECTION status bit of pooled connections calls {@link dev.milink.testkit.sql.SqlSession#reset()}.</li>
 *   <li>A {@link dev.milink.testkit.tds.StatementJournal} of every request and {@link dev.milink.testkit.tds.SqlFaults}
 *       for injected errors, delays, dropped connections and hangs.</li>
 * </ul>
 *
 * <h2>What it does not model</h2>
 * <ul>
 *   <li>MARS, TDS 8 ({@code encrypt=strict}), TLS 1.3, login-only encryption, client certificates.</li>
 *   <li>Windows (SSPI/Kerberos) and Microsoft Entra (FEDAUTH) authentication, password change, session
 *       recovery ({@code connectRetryCount} is inert), Always Encrypted, data classification.</li>
 *   <li>Bulk copy (BULK_LOAD), transaction manager requests, distributed transactions (ALL_HEADERS is
 *       skipped), server cursors, table-valued parameters, sql_variant, UDT, TEXT/NTEXT/IMAGE parameters.</li>
 *   <li>Returning OUTPUT parameters other than prepared handles, RETURN values of procedures (always 0, or 1
 *       after an error), column metadata beyond type, nullability and name.</li>
 *   <li>Collations other than the fixed Latin1 one: VARCHAR parameters are decoded as windows-1252.</li>
 * </ul>
 */
package dev.milink.testkit.tds;
