package dev.milink.examples;

import dev.milink.Link;
import dev.milink.LinkPlan;
import dev.milink.ManagedInstance;
import dev.milink.SqlServerInstance;
import dev.milink.tsql.TsqlScript;

/** Plans a link and prints the SQLCMD script a DBA reviews; connects to nothing. */
public final class RenderScript {

    private RenderScript() {
    }

    /**
     * @param args unused
     */
    public static void main(String[] args) {
        LinkPlan plan = Link.from(SqlServerInstance.of("SQLBOX01", "TCP://10.0.1.8:5022"))
                .database("SalesDb")
                .to(ManagedInstance.of("00000000-0000-0000-0000-000000000000", "rg-link", "sqlmi-prod-01"))
                .twoWayDR(true)
                .plan();
        System.out.println(TsqlScript.render(plan));   // the master key password stays a SQLCMD variable
    }
}
