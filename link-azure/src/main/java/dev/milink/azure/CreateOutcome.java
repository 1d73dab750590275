package dev.milink.azure;

import dev.milink.port.StepResult;

/**
 * What a creating PUT did, decided from whether the resource existed before it and not from the status alone:
 * ARM documents 201 (created) and 202 (accepted for creating) for a fresh link or trust certificate, and 200 or 202
 * for a re-apply. Counting a 202 as "not created" made a rollback leave the run's own link and certificate behind
 * (arm-fidelity finding 1); counting every 202 as "created" would make it delete what the user had before.
 */
final class CreateOutcome {

    private CreateOutcome() {
    }

    /**
     * @param existedBefore whether the resource was there before the PUT (a read just before it)
     * @param status the PUT's HTTP status
     * @param resource the resource for messages, for example {@code "link dag1"}
     * @param created the detail when this run created it, for example {@code "created link dag1"}
     * @return changed when the resource was absent and ARM answered 201 or 202; unchanged otherwise
     */
    static StepResult of(boolean existedBefore, int status, String resource, String created) {
        if (existedBefore) {
            return StepResult.unchanged(resource + " existed before this run (ARM answered " + status + " to the re-apply)");
        }
        if (status == 201 || status == 202) {
            return StepResult.changed(created);
        }
        // 200 is "already created": someone else made it between our read and our PUT, so it is not ours to remove.
        return StepResult.unchanged(resource + " is in place (ARM answered " + status + ": created by another client just now)");
    }
}
