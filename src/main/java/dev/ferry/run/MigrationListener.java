package dev.ferry.run;

/**
 * Receives a run's events. Called from worker threads: implementations hand events on (the CLI
 * to its progress bars, the wizard to the JavaFX thread) and must not block.
 */
@FunctionalInterface
public interface MigrationListener {

    MigrationListener NONE = e -> { };

    void on(MigrationEvent event);
}
