package dev.milink.testkit.world;

import dev.milink.testkit.arm.LinkRole;

/**
 * Role changes of a link, whichever side asked (T-SQL on either endpoint, ARM failover or setRole): planned
 * failover (flush, then swap), forced failover (in-flight log lost; split brain if the old primary stays
 * primary), and demotion (the demoted side is re-synchronised from the remaining primary). Keeps both catalogs
 * and the ARM roles in step with the model.
 */
final class RoleSwitch {

    private final WorldContext ctx;
    private final SideObjects objects;

    RoleSwitch(WorldContext ctx, SideObjects objects) {
        this.ctx = ctx;
        this.objects = objects;
    }

    /** Planned failover away from {@code from}: nothing in flight is lost, roles swap on both sides. */
    void planned(LinkModel m, Side from) {
        m.replication.flush(m);
        set(m, from, "SECONDARY");
        set(m, from.other(), "PRIMARY");
        m.replication.publish(m);
    }

    /** Forced failover to {@code to}: the side becomes primary now; the other side is left as it is. */
    void forced(LinkModel m, Side to) {
        m.replication.drop();
        set(m, to, "PRIMARY");
        if (!m.primary(to.other()) && m.phase == LinkPhase.REPLICATING) {
            m.replication.resync(m, to);
        }
        m.replication.publish(m);
    }

    /** {@code SET (ROLE = SECONDARY)} or setRole Secondary: demote {@code side}; replication resumes from the other. */
    void demote(LinkModel m, Side side) {
        set(m, side, "SECONDARY");
        if (m.primary(side.other()) && m.phase == LinkPhase.REPLICATING) {
            m.replication.resync(m, side.other());
        }
        m.replication.publish(m);
    }

    /** Sets one side's role in the model, in that side's catalog, and in ARM. */
    void set(LinkModel m, Side side, String role) {
        m.roles.put(side, role);
        objects.role(side, m.name, role);
        syncArm(m);
    }

    /** Makes ARM's instanceLinkRole / partnerLinkRole show the model's roles (both may be Primary). */
    void syncArm(LinkModel m) {
        ctx.armLink(m.name).ifPresent(l -> l.roles(linkRole(m, Side.MANAGED_INSTANCE), linkRole(m, Side.SQL_SERVER)));
    }

    private static LinkRole linkRole(LinkModel m, Side side) {
        return m.primary(side) ? LinkRole.PRIMARY : LinkRole.SECONDARY;
    }
}
