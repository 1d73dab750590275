package dev.milink;

import dev.milink.plan.PlanAccess;
import dev.milink.step.Step;
import dev.milink.step.StepId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, ordered list of typed steps, derived purely from a {@link LinkSpec}: the same spec always
 * gives the same steps and the same {@link #hash()}. Rendering ({@code TsqlScript}) and execution
 * ({@code LinkRunner}) read the same plan, so the script a DBA reviews is what runs.
 *
 * <p>Only the planners build plans (through {@link LinkDefinition}'s {@code plan...} methods): a plan is always
 * one the planner derived, never a hand-assembled list of steps.
 */
public final class LinkPlan {

    static {
        PlanAccess.install(new PlanBridge());
    }

    private final PlanKind kind;
    private final LinkSpec spec;
    private final List<Step> steps;
    private final String hash;

    /**
     * @param kind what the plan does
     * @param spec the definition it was derived from
     * @param steps the ordered steps
     */
    LinkPlan(PlanKind kind, LinkSpec spec, List<Step> steps) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.steps = List.copyOf(steps);
        long distinct = this.steps.stream().map(Step::id).distinct().count();
        if (distinct != this.steps.size()) {
            throw new IllegalArgumentException("step ids in a plan must be unique: " + this.steps);
        }
        this.hash = digest(kind, spec, this.steps);
    }

    private static String digest(PlanKind kind, LinkSpec spec, List<Step> steps) {
        StringBuilder canonical = new StringBuilder(kind.name()).append('\n').append(spec).append('\n');
        steps.forEach(s -> canonical.append(s).append('\n'));
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** @return what the plan does */
    public PlanKind kind() {
        return kind;
    }

    /** @return the definition the plan was derived from */
    public LinkSpec spec() {
        return spec;
    }

    /** @return the ordered steps */
    public List<Step> steps() {
        return steps;
    }

    /**
     * @param id a step id
     * @return the step with that id
     */
    public Optional<Step> step(StepId id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** @return a stable hash of the plan (kind, definition and steps), 32 hex characters */
    public String hash() {
        return hash;
    }

    /**
     * @return a numbered, human-readable description: one line per step with the side it runs on and why
     */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).append(" plan ")
                .append(hash).append(": ").append(spec.links().size()).append(" link(s) between SQL Server ")
                .append(spec.sqlServer().serverName()).append(" and Managed Instance ")
                .append(spec.managedInstance().name()).append('\n');
        int width = String.valueOf(steps.size()).length();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            out.append(String.format("%" + width + "d. [%s] %s%n", i + 1, step.side().displayName(), step.summary()));
            out.append(" ".repeat(width + 2)).append("why: ").append(step.reason()).append('\n');
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "LinkPlan[" + kind + ", " + steps.size() + " steps, " + hash + "]";
    }
}
