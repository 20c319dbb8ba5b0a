package dev.ferry.postgres;

/** A password. Its toString never shows it, so it cannot leak through a log line or a record. */
public final class Secret {

    public static final Secret NONE = new Secret(null);
    private final String value;

    public Secret(String value) {
        this.value = value;
    }

    /** The password itself: pass it to the driver, nowhere else. */
    public String reveal() {
        return value;
    }

    public boolean isPresent() {
        return value != null;
    }

    @Override
    public String toString() {
        return value == null ? "(none)" : "********";
    }
}
