package io.sentio.core.pipeline;

/**
 * Handler slots of the ring: sync, the K learner shards, the portfolio stage, execution, then the
 * optional journal hooks and shadow desks. The slot number is what FAILED journal records name. Journal slots come
 * last so the numbers of the trading stages do not depend on whether a journal is on; execution
 * checks the journal slots explicitly (nothing is sent that was not journaled).
 */
public final class Stages {
    public static final int SYNC = 0;
    private final int shards;

    public Stages(int shards) {
        this.shards = shards;
    }

    public int shard(int s) {
        return 1 + s;
    }

    public int desk() {
        return 1 + shards;
    }

    public int execution() {
        return 2 + shards;
    }

    public int journalIn() {
        return 3 + shards;
    }

    public int journalOut() {
        return 4 + shards;
    }

    /** The shadow desks' handler (DESIGN §3): last, so no other stage's number depends on it. */
    public int shadows() {
        return 5 + shards;
    }

    public int slots() {
        return 6 + shards;
    }

    public String name(int slot) {
        if (slot == SYNC) {
            return "sync";
        }
        if (slot <= shards) {
            return "learner-" + (slot - 1);
        }
        if (slot == desk()) {
            return "portfolio";
        }
        if (slot == execution()) {
            return "execution";
        }
        if (slot == shadows()) {
            return "shadow-desks";
        }
        return slot == journalIn() ? "journal-in" : "journal-out";
    }
}
